package io.artifact.e2e.fly;

import io.artifact.e2e.evidence.Redactor;
import io.artifact.e2e.mcp.ControlPlaneAdmin;
import io.artifact.e2e.mcp.McpSdkPort;
import java.time.Duration;

/** {@code fly.backend=mcp}: what the control plane guards goes through its fly.run / fly.logs tools. */
class McpFlyPortContractTest extends FlyPortContract {

  private McpSdkPort port;

  @Override
  protected FlyPort connect() {
    String token = new ControlPlaneAdmin(controlPlane.endpoints().get("mcp_admin")).issueToken(org(), org() + "-", "contract@" + org(), "personal");
    port = new McpSdkPort(controlPlane.mcpUrl(), () -> token, new Redactor(), Duration.ofSeconds(20));
    return new FlyViaMcp(rest(), () -> port);
  }

  @Override
  protected void disconnect() {
    port.close();
  }

  @Override
  protected String org() {
    return "org42";
  }
}
