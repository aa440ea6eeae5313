package io.artifact.e2e.flyctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.artifact.e2e.evidence.Redactor;
import io.artifact.e2e.fly.FlyApiException;
import io.artifact.e2e.fly.LogLine;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.fly.MachineSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression tests of the flyctl backend against recorded flyctl answers (fly-facts.md §5): a fake
 * {@code fly} first on PATH replays outputs in flyctl's real shapes and its failures — a non-zero
 * exit with stderr, garbage instead of JSON, an empty list, a hang past the timeout, a Machine not
 * yet listed right after its create, "Waiting on lease", a lease held elsewhere, a 503, no fly at all.
 */
class FlyViaFlyctlTest {

  static final String APP = "org1-fly-exec";
  static final String ID = "3d8d413b2e7189";
  /** {@code fly machine list --json} as flyctl prints it: a 4-space indented array, Go's escapes. */
  static final String MACHINE_LIST = """
      [
          {
              "id": "3d8d413b2e7189",
              "name": "aged-wind-2649",
              "state": "started",
              "region": "syd",
              "image_ref": {
                  "registry": "registry.fly.io",
                  "repository": "fly-exec",
                  "tag": "doc",
                  "digest": "sha256:d93099be",
                  "labels": {}
              },
              "instance_id": "01HEPA330HZ37A78TK080NAK1M",
              "private_ip": "fdaa:0:18:a7b:196:e274:9ce1:2",
              "config": {
                  "image": "registry.fly.io/fly-exec:doc",
                  "env": {
                      "NOTE": "\\u003cnone\\u003e"
                  },
                  "metadata": {
                      "fly_platform_version": "v2"
                  }
              },
              "checks": [
                  {
                      "name": "exec",
                      "status": "passing",
                      "output": "ok"
                  }
              ],
              "host_status": "ok",
              "cordoned": false
          }
      ]
      """;

  @TempDir Path dir;
  final List<String> transcript = new CopyOnWriteArrayList<>();

  FlyViaFlyctl fly(ScriptedFly fake, Duration callTimeout) {
    return new FlyViaFlyctl(new Flyctl(fake.replaying(), new Redactor(), transcript::add), callTimeout, Duration.ofSeconds(5),
        Duration.ofSeconds(2));
  }

  @Test
  void aMachineListIsReadFromFlyctlsJsonWithTheAppFlagAndJson() {
    ScriptedFly fake = new ScriptedFly(dir).reply(0, MACHINE_LIST, "");
    List<MachineInfo> machines = fly(fake, Duration.ofSeconds(10)).listMachines(APP);
    assertThat(machines).singleElement().satisfies(m -> {
      assertThat(m.id()).isEqualTo(ID);
      assertThat(m.started()).isTrue();
      assertThat(m.env()).containsEntry("NOTE", "<none>");
      assertThat(m.checks()).extracting(MachineInfo.CheckInfo::status).containsExactly("passing");
    });
    assertThat(fake.calls()).containsExactly(List.of("machine", "list", "-a", APP, "--json"));
    assertThat(transcript).singleElement().asString().startsWith("fly machine list -a org1-fly-exec --json → exit 0 in ");
  }

  @Test
  void anEmptyListIsNoMachinesAndAMachineMissingFromItIsA404() {
    ScriptedFly fake = new ScriptedFly(dir).reply(0, "[]\n", "");
    assertThat(fly(fake, Duration.ofSeconds(10)).listMachines(APP)).isEmpty();
    assertThatThrownBy(() -> fly(fake, Duration.ofSeconds(10)).machine(APP, ID))
        .isInstanceOfSatisfying(FlyApiException.class, e -> assertThat(e.status()).isEqualTo(404))
        .hasMessage("get Machine 3d8d413b2e7189 in app org1-fly-exec failed: fly machine list -a org1-fly-exec --json does not list it");
  }

  @Test
  void aNonZeroExitIsOneLineNamingTheCommandAndFlyctlsError() {
    ScriptedFly fake = new ScriptedFly(dir).reply(1, "",
        "Error: failed to list VMs: app not found (Request ID: 01JDF2Q7ZK-syd) (Trace ID: 4bf92f3577b34da6)\n");
    assertThatThrownBy(() -> fly(fake, Duration.ofSeconds(10)).listMachines("org1-nope"))
        .isInstanceOfSatisfying(FlyApiException.class, e -> assertThat(e.status()).isEqualTo(404))
        .hasMessage("list Machines in app org1-nope failed: fly machine list -a org1-nope --json exited 1: "
            + "Error: failed to list VMs: app not found (Request ID: 01JDF2Q7ZK-syd) (Trace ID: 4bf92f3577b34da6)");
  }

  @Test
  void anUnknownAppIsEmptyAndDestroyingItIsNoError() {
    ScriptedFly fake = new ScriptedFly(dir).reply(1, "", "Error: Could not find App \"org1-gone\"\n");
    FlyViaFlyctl fly = fly(fake, Duration.ofSeconds(10));
    assertThat(fly.findApp("org1-gone")).isEmpty();
    fly.destroyApp("org1-gone");
    assertThat(fake.calls()).containsExactly(List.of("status", "-a", "org1-gone", "--json"), List.of("apps", "destroy", "org1-gone", "--yes"));
  }

  @Test
  void garbageInsteadOfJsonIsOneReadableLine() {
    ScriptedFly fake = new ScriptedFly(dir).reply(0, "\u001b[2K\rhallpass v2 \u0001{ not: json\nsecond line\n", "");
    assertThatThrownBy(() -> fly(fake, Duration.ofSeconds(10)).listMachines(APP))
        .isInstanceOfSatisfying(FlyApiException.class, e -> assertThat(e.getMessage()).doesNotContain("\n", "\r", "\u001b"))
        .hasMessageStartingWith("list Machines in app org1-fly-exec failed: fly machine list printed no JSON: ?[2K?hallpass v2 ?{ not: json");
  }

  @Test
  void aHangIsStoppedAtTheTimeoutWithOneLineAndNothingLeftRunning() {
    ScriptedFly fake = new ScriptedFly(dir).reply(0, "", "", 30);
    Instant t0 = Instant.now();
    assertThatThrownBy(() -> fly(fake, Duration.ofMillis(1500)).logs(APP, null, 10))
        .isInstanceOfSatisfying(FlyApiException.class, e -> assertThat(e.status()).isEqualTo(408))
        .hasMessage("read logs of in app org1-fly-exec failed: fly logs -a org1-fly-exec --no-tail --json did not finish within 1500ms");
    assertThat(Duration.between(t0, Instant.now())).isLessThan(Duration.ofSeconds(5));
    assertThat(ProcessHandle.current().descendants().filter(h -> h.info().commandLine().orElse("").contains(dir.toString()))).isEmpty();
  }

  @Test
  void aMachineNotYetListedRightAfterItsCreateIsAskedForAgain() {
    ScriptedFly fake = new ScriptedFly(dir)
        .reply(0, "Success! A Machine has been successfully launched in app org1-fly-exec, waiting for it to be started\n"
            + " Machine ID: " + ID + "\n Instance ID: 01HEPA330HZ37A78TK080NAK1M\n State: created\n", "")
        .reply(0, "[]\n", "")
        .reply(0, MACHINE_LIST, "");
    MachineInfo m = fly(fake, Duration.ofSeconds(10)).createMachine(APP, MachineSpec.of("registry.fly.io/fly-exec:doc").region("syd").name("exec-1"));
    assertThat(m.id()).isEqualTo(ID);
    List<List<String>> calls = fake.calls();
    assertThat(calls).hasSize(3);
    assertThat(calls.get(0)).startsWith("machine", "run", "registry.fly.io/fly-exec:doc", "-a", APP, "--detach", "--name", "exec-1",
        "--region", "syd", "--machine-config");
  }

  @Test
  void waitingOnALeaseIsNotAFailureButALeaseHeldElsewhereIsA409() {
    ScriptedFly fake = new ScriptedFly(dir)
        .reply(0, "Sending kill signal to machine " + ID + "...\n" + ID + " has been successfully stopped\n",
            "Waiting on lease for machine " + ID + "...\n", 0.5)
        .reply(1, "", "Error: failed to obtain lease: aborted: machine ID " + ID
            + " lease currently held by ops@example.com, expires at 2026-12-01T03:00:00Z\n");
    FlyViaFlyctl fly = fly(fake, Duration.ofSeconds(10));
    fly.stopMachine(APP, ID);
    assertThatThrownBy(() -> fly.stopMachine(APP, ID))
        .isInstanceOfSatisfying(FlyApiException.class, e -> assertThat(e.status()).isEqualTo(409))
        .hasMessageStartingWith("stop Machine " + ID + " in app org1-fly-exec failed: fly machine stop " + ID + " -a org1-fly-exec exited 1: "
            + "Error: failed to obtain lease");
    assertThat(fake.calls().get(0)).containsExactly("machine", "stop", ID, "-a", APP);
  }

  @Test
  void aServiceUnavailableIsRetriedWithBackoffAndOtherErrorsAreNot() {
    ScriptedFly fake = new ScriptedFly(dir)
        .reply(1, "", "Error: failed to start VM " + ID + ": 503 Service Unavailable\n")
        .reply(0, ID + " has been started\n", "")
        .reply(1, "", "Error: could not start machine " + ID + ": failed_precondition: machine getting replaced, refusing to start\n");
    FlyViaFlyctl fly = fly(fake, Duration.ofSeconds(10));
    fly.startMachine(APP, ID);
    assertThat(fake.calls()).hasSize(2);
    assertThatThrownBy(() -> fly.startMachine(APP, ID)).isInstanceOfSatisfying(FlyApiException.class, e -> assertThat(e.status()).isEqualTo(412));
    assertThat(fake.calls()).hasSize(3);
  }

  @Test
  void secretsGoOnStdinNeverOnTheCommandLineAndAreListedByNameAndDigest() throws Exception {
    ScriptedFly fake = new ScriptedFly(dir)
        .reply(0, "", "")
        .reply(0, "[\n    {\n        \"name\": \"CLERK_SECRET_KEY\",\n        \"digest\": \"b1c6a4f2e9d0\",\n        \"created_at\": \"2026-11-30T10:00:00Z\"\n    }\n]\n", "");
    FlyViaFlyctl fly = fly(fake, Duration.ofSeconds(10));
    fly.setSecrets(APP, Map.of("CLERK_SECRET_KEY", "sk_live_never_on_argv"));
    assertThat(fly.secretDigests(APP)).containsExactly(Map.entry("CLERK_SECRET_KEY", "b1c6a4f2e9d0"));
    assertThat(fake.calls().get(0)).containsExactly("secrets", "import", "-a", APP);
    assertThat(Files.readString(dir.resolve("replies/1.stdin"))).isEqualTo("CLERK_SECRET_KEY=sk_live_never_on_argv\n");
    assertThat(transcript).noneMatch(l -> l.contains("sk_live_never_on_argv"));
  }

  @Test
  void logsAreFlyctlsConcatenatedObjectsNewestKept() {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i <= 4; i++) {
      out.append("{\n    \"level\": \"info\",\n    \"instance\": \"").append(ID).append("\",\n    \"message\": \"line ").append(i)
          .append("\",\n    \"region\": \"syd\",\n    \"timestamp\": \"2026-12-01T03:00:0").append(i).append(".123456789Z\"\n}\n");
    }
    ScriptedFly fake = new ScriptedFly(dir).reply(0, out.toString(), "");
    List<LogLine> lines = fly(fake, Duration.ofSeconds(10)).logs(APP, ID, 2);
    assertThat(lines).extracting(LogLine::message).containsExactly("line 3", "line 4");
    assertThat(fake.calls()).containsExactly(List.of("logs", "-a", APP, "--no-tail", "--json", "-m", ID));
  }

  @Test
  void theTokenNeverShowsInAFailure() {
    ScriptedFly fake = new ScriptedFly(dir).reply(1, "", "Error: not authorized: token " + ScriptedFly.TOKEN + " has no access to org personal\n");
    assertThatThrownBy(() -> fly(fake, Duration.ofSeconds(10)).listVolumes(APP))
        .isInstanceOfSatisfying(FlyApiException.class, e -> assertThat(e.status()).isEqualTo(401))
        .hasMessageNotContaining(ScriptedFly.TOKEN).hasMessageContaining("token " + Redactor.MASK + " has no access");
  }

  @Test
  void noFlyOnPathIsOneLine() {
    Map<String, String> env = Map.of("PATH", dir.toString(), "FLY_API_TOKEN", ScriptedFly.TOKEN);
    FlyViaFlyctl fly = new FlyViaFlyctl(new Flyctl(env, new Redactor(), transcript::add), Duration.ofSeconds(5), Duration.ofSeconds(5),
        Duration.ofSeconds(1));
    assertThatThrownBy(() -> fly.listMachines(APP)).isInstanceOf(FlyApiException.class)
        .hasMessage("list Machines in app org1-fly-exec failed: fly (flyctl) is not on PATH; install it or use a profile whose target is not fly");
  }
}
