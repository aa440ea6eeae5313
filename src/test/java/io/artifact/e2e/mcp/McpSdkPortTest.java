package io.artifact.e2e.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.artifact.e2e.evidence.Redactor;
import io.artifact.e2e.fly.FlyMachinesRest;
import io.artifact.e2e.fly.FlyPort;
import io.artifact.e2e.fly.FlyViaMcp;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.fly.MachineSpec;
import io.artifact.flyemu.EmbeddedStack;
import io.artifact.flyemu.StackSettings;
import io.artifact.flyemu.mcp.ControlPlane;
import io.artifact.flyemu.mcp.ControlPlaneSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The suite's MCP port and the fly.run/fly.logs Fly backend, against the embedded control plane. */
class McpSdkPortTest {

  static EmbeddedStack stack;
  static ControlPlane cp;
  static ControlPlaneAdmin admin;

  @BeforeAll
  static void start() {
    cp = new ControlPlane(ControlPlaneSettings.defaults());
    stack = EmbeddedStack.start(StackSettings.defaults("fly-test-token-123"), List.of(cp));
    admin = new ControlPlaneAdmin(cp.endpoints().get("mcp_admin"));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  McpSdkPort port(String org, Redactor redactor) {
    String token = admin.issueToken(org, org + "-", "tester@" + org, "personal");
    return new McpSdkPort(cp.mcpUrl(), () -> token, redactor, Duration.ofSeconds(20));
  }

  @Test
  void recordsEveryJsonRpcMessageWithSecretsRedacted() {
    Redactor redactor = new Redactor();
    try (McpSdkPort port = port("org21", redactor)) {
      port.call("infra.ensure_app", Map.of("name", "org21-a", "region", "syd"));
      ToolCall set = port.call("infra.set_secret", Map.of("app", "org21-a", "name", "OPENAI_API_KEY", "value", "very-secret-value-42"));
      assertThat(set.error()).isFalse();
      String transcript = port.transcript().asJson();
      assertThat(transcript).contains("\"method\" : \"initialize\"", "\"method\" : \"tools/call\"", "infra.set_secret", Redactor.MASK)
          .doesNotContain("very-secret-value-42").doesNotContain("artifact_org_");
      assertThat(port.transcript().entries()).extracting(McpTranscript.Entry::direction).contains("sent", "received");
    }
  }

  @Test
  void teardownRevocationEndsTheTokenAndToleratesOneAlreadyRevoked() {
    try (McpSdkPort port = port("org23", new Redactor())) {
      assertThat(port.call("infra.list_machines", Map.of("app", "org23-a")).httpStatus()).isNotEqualTo(401);
      admin.revokeIfCurrent("org23");
      assertThat(port.call("infra.list_machines", Map.of("app", "org23-a")).httpStatus()).isEqualTo(401);
      admin.revokeIfCurrent("org23"); // a scenario that revoked it itself must still tear down cleanly
    }
  }

  @Test
  void aRevokedTokenComesBackAsARefusedCallWithTheReason() {
    try (McpSdkPort port = port("org22", new Redactor())) {
      assertThat(port.call("infra.ensure_app", Map.of("name", "org22-a", "region", "syd")).error()).isFalse();
      admin.revoke("org22");
      ToolCall refused = port.call("infra.list_machines", Map.of("app", "org22-a"));
      assertThat(refused.refusedBeforeMcp()).isTrue();
      assertThat(refused.httpStatus()).isEqualTo(401);
      assertThat(refused.text()).contains("HTTP 401").contains("was revoked");
      assertThat(port.call("infra.list_machines", Map.of("app", "org22-a")).httpStatus()).as("reconnects, still refused").isEqualTo(401);
      assertThat(admin.alerts("org22")).extracting(AlertRecord::kind).startsWith("token_revoked", "revoked_token_used")
        .containsOnly("token_revoked", "revoked_token_used");
    }
  }

  @Test
  void theMcpFlyBackendAgreesWithTheRestBackend() {
    FlyPort rest = new FlyMachinesRest(stack.machinesApiUrl(), stack.machinesApiUrl(), stack.flyToken(), Duration.ofSeconds(3),
        Duration.ofSeconds(10), line -> {});
    try (McpSdkPort port = port("org23", new Redactor())) {
      FlyPort viaMcp = new FlyViaMcp(rest, () -> port);
      rest.createApp("org23-pool", "personal");
      MachineInfo m = rest.createMachine("org23-pool", MachineSpec.of("registry.fly.io/fly-exec:doc").region("syd")
          .metadata(Map.of("fly_platform_version", "v2")));
      rest.awaitState("org23-pool", m.id(), "started", Duration.ofSeconds(10));
      assertThat(viaMcp.listMachines("org23-pool")).extracting(MachineInfo::id, MachineInfo::state).containsExactly(
          org.assertj.core.groups.Tuple.tuple(m.id(), "started"));
      viaMcp.stopMachine("org23-pool", m.id());
      assertThat(rest.machine("org23-pool", m.id()).state()).isEqualTo("stopped");
      viaMcp.startMachine("org23-pool", m.id());
      await().atMost(Duration.ofSeconds(5)).until(() -> rest.machine("org23-pool", m.id()).started());
      rest.setSecrets("org23-pool", Map.of("CLERK_SECRET_KEY", "sk_test_abcdefgh"));
      assertThat(viaMcp.secretNames("org23-pool")).containsExactly("CLERK_SECRET_KEY");
      assertThat(viaMcp.logs("org23-pool", m.id(), 3)).hasSize(3).last()
          .isEqualTo(rest.logs("org23-pool", m.id(), 3).get(2));
    }
  }
}
