package io.artifact.flyemu.mcp.flyctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.fly.ImageRegistry;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.fly.MachineProgram;
import io.artifact.flyemu.fly.MachineState;
import io.artifact.flyemu.fly.RealScheduler;
import io.artifact.flyemu.mcp.tools.ToolException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded flyctl: allow-list, argument parsing and what each command prints (fly-facts.md §5). */
class FlyctlTest {

  static final ObjectMapper JSON = new ObjectMapper();
  RealScheduler scheduler;
  FlyPlatform fly;
  Flyctl flyctl;

  @BeforeEach
  void platform() throws Exception {
    scheduler = new RealScheduler(2);
    fly = new FlyPlatform(new FlyPlatform.Settings(Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofSeconds(5), 100,
        Files.createTempDirectory("flyctl-test")), scheduler, new ImageRegistry().register("test-app", ref -> new MachineProgram() {}));
    flyctl = new Flyctl(fly);
    fly.createApp("org1-app", "org1");
  }

  @AfterEach
  void stop() {
    fly.shutdown();
    scheduler.close();
  }

  Machine started(String metadataVersion) {
    ObjectNode config = JSON.createObjectNode().put("image", "registry.fly.io/test-app:v1");
    if (metadataVersion != null) config.putObject("metadata").put("fly_platform_version", metadataVersion);
    Machine m = fly.createMachine("org1-app", null, "syd", config, false);
    await().atMost(Duration.ofSeconds(5)).until(() -> m.state() == MachineState.STARTED);
    return m;
  }

  FlyctlOutput run(String... args) {
    return flyctl.run(FlyctlCommand.parse(List.of(args)));
  }

  @Test
  void machineListJsonIsAFourSpaceIndentedArrayInFlyGoKeyOrder() throws Exception {
    Machine m = started("v2");
    FlyctlOutput out = run("machine", "list", "-a", "org1-app", "--json");
    assertThat(out.exitCode()).isZero();
    assertThat(out.stdout()).startsWith("[\n    {\n        \"id\": \"" + m.id() + "\",\n        \"name\": ").endsWith("]\n");
    JsonNode arr = JSON.readTree(out.stdout());
    List<String> keys = new ArrayList<>();
    arr.get(0).fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsSubsequence("id", "name", "state", "region", "image_ref", "instance_id", "version", "private_ip",
        "created_at", "updated_at", "config", "events", "host_status", "cordoned");
    assertThat(arr.get(0).path("state").asText()).isEqualTo("started");
  }

  @Test
  void emptyMachineListIsAnEmptyJsonArray() {
    assertThat(run("m", "ls", "--app=org1-app", "-j").stdout()).isEqualTo("[]\n");
  }

  @Test
  void goEscapesHtmlCharactersLikeFlyctl() {
    assertThat(GoJson.encode(JSON.createObjectNode().put("k", "<a&b>"))).isEqualTo("{\n    \"k\": \"\\u003ca\\u0026b\\u003e\"\n}\n");
  }

  @Test
  void machineStopPrintsTheKillSignalLineThenTheStoppedLine() {
    Machine m = started(null);
    FlyctlOutput out = run("machine", "stop", m.id(), "-a", "org1-app");
    assertThat(out.stdout()).isEqualTo("Sending kill signal to machine " + m.id() + "...\n" + m.id() + " has been successfully stopped\n");
    assertThat(m.state()).isEqualTo(MachineState.STOPPED);
    assertThat(run("machine", "start", m.id(), "-a", "org1-app").stdout()).isEqualTo(m.id() + " has been started\n");
  }

  @Test
  void machineDestroyIsKnownToFlyctlAndDestroysWhereItMayRun() {
    Machine m = started(null);
    assertThat(run("machine", "destroy", m.id(), "-a", "org1-app").stderr()).contains("unable to destroy machine, not currently stopped");
    FlyctlOutput out = run("machine", "destroy", m.id(), "--force", "-a", "org1-app");
    assertThat(out.stdout()).contains(m.id() + " has been destroyed");
    await().atMost(Duration.ofSeconds(5)).until(() -> m.state() == MachineState.DESTROYED);
  }

  @Test
  void machineStopTakesIdsPositionallyAndHasNoMachineFlag() {
    Machine m = started(null);
    FlyctlOutput out = run("machine", "stop", "--machine", m.id(), "-a", "org1-app");
    assertThat(out.exitCode()).isEqualTo(1);
    assertThat(out.stderr()).isEqualTo("Error: unknown flag: --machine\n");
    assertThat(m.state()).isEqualTo(MachineState.STARTED);
  }

  @Test
  void restartWaitsForTheMachineToStartAgain() {
    Machine m = started(null);
    assertThat(run("machine", "restart", m.id(), "-a", "org1-app").stdout())
        .isEqualTo("Restarting machine " + m.id() + "\nMachine " + m.id() + " restarted successfully!\n");
    assertThat(m.state()).isEqualTo(MachineState.STARTED);
  }

  @Test
  void machineStatusShowsTheVmTableAndEventLog() {
    Machine m = started(null);
    String out = run("machine", "status", m.id(), "-a", "org1-app").stdout();
    assertThat(out).startsWith("Machine ID: " + m.id() + "\nInstance ID: " + m.instanceId() + "\nState: started\n\nVM\n");
    assertThat(out).contains("  Image         = registry.fly.io/test-app:v1\n").contains("Event Logs\nSTATE");
  }

  @Test
  void unknownMachineIsAFlyctlErrorNotACrash() {
    FlyctlOutput out = run("machine", "status", "0123456789abcd", "-a", "org1-app");
    assertThat(out.exitCode()).isEqualTo(1);
    assertThat(out.stderr()).isEqualTo("Error: machine 0123456789abcd was not found in app 'org1-app'\n");
    assertThat(run("machine", "list", "-a", "org1-nope").stderr()).isEqualTo("Error: failed to list VMs: app not found\n");
  }

  @Test
  void statusJsonHasSortedKeysAndListsOnlyV2Machines() throws Exception {
    Machine v2 = started("v2");
    started(null);
    JsonNode s = JSON.readTree(run("status", "-a", "org1-app", "--json").stdout());
    List<String> keys = new ArrayList<>();
    s.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).isSorted().contains("AppURL", "Deployed", "Hostname", "ID", "Machines", "Name", "Organization", "Status");
    assertThat(s.get("Machines")).singleElement().satisfies(x -> assertThat(x.path("id").asText()).isEqualTo(v2.id()));
    assertThat(s.path("Organization").path("Slug").asText()).isEqualTo("org1");
  }

  @Test
  void logsNoTailPrintsBoundedLinesAndJsonObjects() throws Exception {
    Machine m = started(null);
    String text = run("logs", "--no-tail", "-a", "org1-app").stdout();
    assertThat(text).contains(" app[" + m.id() + "] syd [info] Machine created with image registry.fly.io/test-app:v1\n");
    String json = run("logs", "--no-tail", "-a", "org1-app", "--json", "-m", m.id()).stdout();
    JsonNode first = JSON.readTree(json.substring(0, json.indexOf("}\n{") < 0 ? json.length() : json.indexOf("}\n{") + 2));
    assertThat(first.path("instance").asText()).isEqualTo(m.id());
    assertThat(first.path("meta").path("Event").path("Provider").asText()).isEqualTo("app");
  }

  @Test
  void secretsListShowsNamesAndDigestsNeverValues() {
    fly.setSecrets("org1-app", Map.of("CLERK_SECRET_KEY", "sk_live_value"));
    String table = run("secrets", "list", "-a", "org1-app").stdout();
    assertThat(table).startsWith("NAME").contains("CLERK_SECRET_KEY").doesNotContain("sk_live_value");
    assertThat(run("secrets", "list", "-a", "org1-app", "--json").stdout()).contains("\"name\": \"CLERK_SECRET_KEY\"").doesNotContain("sk_live_value");
  }

  @Test
  void commandsOffTheAllowListAreRefusedByName() {
    assertThatThrownBy(() -> FlyctlCommand.parse(List.of("deploy", "--image", "x", "-a", "org1-app")))
        .isInstanceOf(ToolException.class).hasMessageContaining("'fly deploy' is not on the allow-list");
    FlyctlCommand destroy = FlyctlCommand.parse(List.of("machine", "destroy", "abc", "-a", "org1-app"));
    assertThatThrownBy(() -> FlyRunAllowList.DOCUMENTED.check(destroy, "fly machine destroy abc -a org1-app"))
        .hasMessageContaining("'fly machine destroy' is not on the allow-list");
    assertThatCode(() -> FlyRunAllowList.ANY_KNOWN_COMMAND.check(destroy, "-")).doesNotThrowAnyException();
    assertThat(destroy.usageError()).as("a known command, runnable where the allow-list lets it").isNull();
    assertThatThrownBy(() -> FlyctlCommand.parse(List.of("secrets", "set", "A=b", "-a", "org1-app")))
        .hasMessageContaining("'fly secrets set' is not on the allow-list").hasMessageNotContaining("=b");
    assertThatThrownBy(() -> FlyctlCommand.parse(List.of("logs", "-a", "org1-app")))
        .hasMessageContaining("streaming logs are not allowed");
    assertThatThrownBy(() -> FlyctlCommand.parse(List.of("status", "--config", "fly.router.toml")))
        .hasMessageContaining("--config and --access-token are not accepted");
  }

  @Test
  void refusalsShowTokensAndSecretValuesMasked() {
    assertThat(FlyctlCommand.shown(List.of("fly", "status", "-a", "org1-app", "--access-token", "FlyV1 fm2_x", "-t=tok")))
        .isEqualTo("fly status -a org1-app --access-token *** -t=***");
    assertThat(FlyctlCommand.shown(List.of("secrets", "set", "CLERK_SECRET_KEY=sk_live_1", "--access-token=abc")))
        .isEqualTo("fly secrets set CLERK_SECRET_KEY=*** --access-token=***");
    assertThatThrownBy(() -> FlyctlCommand.parse(List.of("status", "-a", "org1-app", "--access-token", "FlyV1 fm2_secret")))
        .hasMessageContaining("--access-token ***").hasMessageNotContaining("fm2_secret");
  }

  @Test
  void aMissingAppIsFlyctlsOwnError() {
    FlyctlOutput out = run("fly", "machine", "list", "--json");
    assertThat(out.exitCode()).isEqualTo(1);
    assertThat(out.stderr()).contains("specify with the -a flag");
  }
}
