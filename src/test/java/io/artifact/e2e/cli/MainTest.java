package io.artifact.e2e.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

// runs the CLI or the suite in-process: they share the JVM's system properties (env, tag filter, dry run)
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class MainTest {

  private final InProcessCli cli = new InProcessCli();
  private final StringWriter out = cli.out;
  private final StringWriter err = cli.err;

  private int execute(String... args) {
    return cli.execute(args);
  }

  @Test
  void unknownProfileIsOneLineAndExitTwo() {
    assertThat(execute("run", "--env", "nope")).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo(
        "artifact-e2e: unknown profile 'nope' (no env/nope.properties); known profiles: ephemeral, external, hybrid, local, local-mcp, mix-drill, staging, staging-drill");
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

  @Test
  void stackUpWithARouterRunOutsidePrintsItsEnvAndDoesNotWaitForIt() throws Exception {
    // nothing listens on the external port: stack up must print its line anyway
    assertThat(execute("stack", "up", "--env", "local", "--image", "router=external+http://127.0.0.1:1", "--exit-after-start")).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString().strip());
    JsonNode router = json.path("app_env").path("router");
    assertThat(router.path("PORT").asText()).isEqualTo("1");
    assertThat(router.path("DC_NFS_ROOT").asText()).isEqualTo(json.path("nfs_root").asText());
    assertThat(router.path("DC_DOMAIN").asText()).isEqualTo(json.path("base_domain").asText());
    assertThat(router.path("DC_EXEC").asText()).isEqualTo(json.path("apps").path("exec").asText() + ".flycast");
    assertThat(router.path("HTTP_PROXY").asText()).isEqualTo("http://" + json.path("endpoints").path("private_network_proxy").asText());
    assertThat(router.path("CLERK_SECRET_KEY").asText()).isEqualTo(json.path("tokens").path("clerk_secret_key").asText());
    assertThat(router.path("CLERK_API_URL").asText()).isEqualTo(json.path("endpoints").path("clerk_api").asText());
    JsonNode exec = json.path("app_env").path("exec");
    assertThat(exec.path("DC_FLY_API_TOKEN").asText()).isEqualTo(json.path("tokens").path("fly_api_token").asText());
    assertThat(exec.path("FLY_API_BASE_URL").asText()).isEqualTo(json.path("endpoints").path("machines_api").asText());
    assertThat(json.path("images").path("router").asText()).isEqualTo("external+http://127.0.0.1:1");
    assertThat(err.toString()).contains("the router runs outside the platform (external+http://127.0.0.1:1)")
        .contains("stack app --image registry.fly.io/fly-router:doc").doesNotContain("the exec runs outside");
  }

  @Test
  void stackUpRefusesAnImageForAnAppTheSliceDoesNotHave() {
    assertThat(execute("stack", "up", "--env", "local", "--image", "proxy=x", "--exit-after-start")).isEqualTo(2);
    assertThat(err.toString()).contains("--image proxy=…: the slice's apps are");
  }

  @Test
  void stackAppRefusesAnImageItCannotRunOutsideAPlatform() {
    assertThat(execute("stack", "app", "--image", "registry.fly.io/fly-nfs:latest", "--port", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("NAME_UNKNOWN").contains("stack app runs fly-exec and fly-router images");
  }
}
