package io.artifact.flyemu.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.flyemu.EmbeddedStack;
import io.artifact.flyemu.StackSettings;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each defective variant really misbehaves (so the scenarios that catch it are meaningful). */
class ControlPlaneDefectTest {

  private static EmbeddedStack stackWith(String defect) {
    StackSettings s = StackSettings.defaults("fly-test-token");
    s = new StackSettings(s.bootDelays(), s.defaultBootDelay(), s.stopDelay(), s.resumeDelay(), s.reapAfter(), s.autostartTimeout(),
        s.flyToken(), Map.of("mcp.defect", defect));
    return EmbeddedStack.start(s, List.of(new ControlPlane()));
  }

  @Test
  void settingsSelectTheDefectByItsWireName() {
    assertThat(Defect.parse("ensure-app-not-idempotent")).isEqualTo(Defect.ENSURE_APP_NOT_IDEMPOTENT);
    assertThat(Defect.parse(null)).isEqualTo(Defect.NONE);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Defect.parse("nope")).hasMessageContaining("revoked-token-accepted");
  }

  @Test
  void revokedTokenAcceptedKeepsServingARevokedToken() throws Exception {
    try (EmbeddedStack stack = stackWith("revoked-token-accepted")) {
      ControlPlane cp = stack.component(ControlPlane.class);
      AdminClient admin = new AdminClient(cp.endpoints().get("mcp_admin"));
      String token = admin.post("/orgs/org3/token", "{}").path("token").asText();
      admin.post("/orgs/org3/revoke", "");
      try (McpTestClient c = McpTestClient.connect(cp.mcpUrl(), token)) {
        assertThat(c.ok("infra.ensure_app", Map.of("name", "org3-a", "region", "syd"))).containsEntry("created", true);
      }
      assertThat(admin.get("/alerts?org=org3").get("alerts")).extracting(a -> a.path("kind").asText()).containsExactly("token_revoked");
    }
  }

  @Test
  void noAuditRecordsNothing() throws Exception {
    try (EmbeddedStack stack = stackWith("no-audit")) {
      ControlPlane cp = stack.component(ControlPlane.class);
      try (McpTestClient c = McpTestClient.connect(cp.mcpUrl(), cp.orgToken())) {
        c.ok("infra.ensure_app", Map.of("name", "org3-b", "region", "syd"));
      }
      assertThat(cp.audit().entries(null)).isEmpty();
    }
  }

  @Test
  void ensureAppNotIdempotentFailsTheSecondTime() {
    try (EmbeddedStack stack = stackWith("ensure-app-not-idempotent")) {
      ControlPlane cp = stack.component(ControlPlane.class);
      try (McpTestClient c = McpTestClient.connect(cp.mcpUrl(), cp.orgToken())) {
        c.ok("infra.ensure_app", Map.of("name", "org3-c", "region", "syd"));
        CallToolResult again = c.call("infra.ensure_app", Map.of("name", "org3-c", "region", "syd"));
        assertThat(again.isError()).isTrue();
        assertThat(McpTestClient.text(again)).contains("Name has already been taken");
      }
    }
  }
}
