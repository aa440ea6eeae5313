package io.artifact.e2e.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void unknownProfileIsOneLineAndExitTwo() {
    assertThat(execute("run", "--env", "nope")).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo(
        "artifact-e2e: unknown profile 'nope' (no env/nope.properties); known profiles: ephemeral, hybrid, local, staging, staging-drill");
  }

  @Test
  void unknownOptionIsOneLineAndExitTwo() {
    assertThat(execute("run", "--bogus")).isEqualTo(2);
    assertThat(err.toString().strip().lines()).singleElement().asString().contains("Unknown option: '--bogus'");
  }

  @Test
  void stackUpRefusesAFlyProfile() {
    assertThat(execute("stack", "up", "--env", "staging")).isEqualTo(2);
    assertThat(err.toString()).contains("staging");
  }

  @Test
  void scenarioIdsAndTagsCombineIntoOneFilter() {
    assertThat(RunCommand.tagFilter(List.of("ROUTER-001", "EXEC-010"), "not @fault"))
        .isEqualTo("(@ROUTER-001 or @EXEC-010) and (not @fault)");
    assertThat(RunCommand.tagFilter(List.of(), null)).isNull();
  }

  @Test
  void stackUpPrintsEveryEndpointAppAndTokenAsOneJsonLine() throws Exception {
    assertThat(execute("stack", "up", "--env", "local", "--exit-after-start")).isZero();
    List<String> lines = out.toString().strip().lines().toList();
    assertThat(lines).hasSize(1);
    JsonNode json = new ObjectMapper().readTree(lines.get(0));
    assertThat(json.path("endpoints").path("machines_api").asText()).startsWith("http://127.0.0.1:");
    assertThat(json.path("apps").path("router").asText()).endsWith("-fly-router");
    assertThat(json.path("tokens").path("fly_api_token").asText()).startsWith("e2e_local_");
    assertThat(json.path("endpoints").path("mcp").asText()).startsWith("http://127.0.0.1:").endsWith("/mcp");
    assertThat(json.path("tokens").path("mcp_org_token").asText()).startsWith("artifact_org_");
    assertThat(json.path("base_domain").asText()).endsWith(".artifact.test");
  }
}
