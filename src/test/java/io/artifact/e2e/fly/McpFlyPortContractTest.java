package io.artifact.e2e.fly;

import io.artifact.e2e.evidence.Redactor;
import io.artifact.e2e.mcp.ControlPlaneAdmin;
import io.artifact.e2e.mcp.McpSdkPort;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/** {@code fly.backend=mcp}: what the control plane guards goes through its fly.run / fly.logs tools. */
class McpFlyPortContractTest extends FlyPortContract {

  final McpSdkPort port;
  final FlyPort fly;

  McpFlyPortContractTest() {
    String token = new ControlPlaneAdmin(controlPlane.endpoints().get("mcp_admin")).issueToken(org(), org() + "-", "contract@" + org(), "personal");
    port = new McpSdkPort(controlPlane.mcpUrl(), () -> token, new Redactor(), Duration.ofSeconds(20));
    fly = new FlyViaMcp(rest(), () -> port);
  }

  @AfterEach
  void close() {
    port.close();
  }

  @Override
  protected FlyPort fly() {
    return fly;
  }

  @Override
  protected String org() {
    return "org42";
  }
}
