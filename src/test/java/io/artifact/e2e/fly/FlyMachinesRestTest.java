package io.artifact.e2e.fly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.artifact.flyemu.http.HttpListener;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter's error mapping and its one retry policy, against a scripted stand-in for the Machines
 * API (the emulator's HTTP listener on loopback): each of Fly's statuses (fly-facts.md §1.2) either
 * fails at once naming operation, app, Machine and status, or is retried with backoff in the bound.
 */
class FlyMachinesRestTest {

  private final Queue<HttpResponse> script = new ConcurrentLinkedQueue<>();
  private final List<HttpRequest> seen = new ArrayList<>();
  private final List<Instant> arrivals = new ArrayList<>();
  private final List<String> recorded = new ArrayList<>();
  private HttpListener api;

  @BeforeEach
  void start() {
    api = HttpListener.start("scripted-fly", r -> {
      synchronized (seen) {
        seen.add(r);
        arrivals.add(Instant.now());
      }
      HttpResponse next = script.poll();
      return next != null ? next : HttpResponse.json(500, "{\"error\":\"script exhausted\"}");
    });
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private FlyMachinesRest fly(String token, Duration retry) {
    return new FlyMachinesRest(api.baseUrl(), api.baseUrl(), token, retry, Duration.ofSeconds(5), recorded::add);
  }

  private static final String MACHINE = "{\"id\":\"3d8d413b\",\"name\":\"aged-wind-2649\",\"state\":\"started\",\"region\":\"syd\","
      + "\"instance_id\":\"01HEPA330HZ37A78TK080NAK1M\",\"config\":{\"image\":\"registry.fly.io/fly-router:doc\",\"env\":{\"DC_DOMAIN\":\"x.test\"}},"
      + "\"checks\":[{\"name\":\"nfs\",\"status\":\"passing\",\"output\":\"mount ok\"}]}";

  @Test
  void retriesRateLimitsAndServerErrorsThenSucceeds() {
    script.add(HttpResponse.json(429, "{}"));
    script.add(HttpResponse.json(503, "{\"error\":\"unavailable\"}"));
    script.add(HttpResponse.json(200, "[" + MACHINE + "]"));
    List<MachineInfo> machines = fly("tok_abcdef", Duration.ofSeconds(3)).listMachines("org1-fly-router");
    assertThat(machines).singleElement().satisfies(m -> {
      assertThat(m.state()).isEqualTo("started");
      assertThat(m.env()).containsEntry("DC_DOMAIN", "x.test");
      assertThat(m.checks()).extracting(MachineInfo.CheckInfo::output).containsExactly("mount ok");
    });
    assertThat(seen).hasSize(3);
  }

  @Test
  void givesUpOnTransientFailuresWhenTheBoundIsSpent() {
    for (int i = 0; i < 500; i++) script.add(HttpResponse.json(503, "{\"error\":\"unavailable\"}"));
    Instant t0 = Instant.now();
    assertThatThrownBy(() -> fly("tok_abcdef", Duration.ofMillis(400)).listMachines("org1-nfs"))
        .isInstanceOf(FlyApiException.class)
        .hasMessageStartingWith("list Machines in app org1-nfs failed: 503 unavailable (GET /v1/apps/org1-nfs/machines, gave up after ")
        .hasMessageEndingWith(" ms of a 400 ms retry bound)");
    assertThat(Duration.between(t0, Instant.now())).isLessThan(Duration.ofSeconds(3));
    assertThat(seen).as("backs off instead of hammering: 125-250 ms, then 250-500 ms between tries").hasSizeBetween(2, 3);
  }

  @Test
  void backsOffExponentiallyBetweenTransientFailures() {
    for (int i = 0; i < 3; i++) script.add(HttpResponse.json(503, "{\"error\":\"unavailable\"}"));
    script.add(HttpResponse.json(200, "[]"));
    assertThat(fly("tok_abcdef", Duration.ofSeconds(5)).listMachines("org1-nfs")).isEmpty();
    assertThat(seen).hasSize(4);
    assertThat(gap(1)).isGreaterThanOrEqualTo(Duration.ofMillis(125));
    assertThat(gap(2)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    assertThat(gap(3)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
  }

  @Test
  void aRateLimitIsRetriedNoSoonerThanRetryAfterSays() {
    script.add(HttpResponse.json(429, "{}").withHeader("Retry-After", "1"));
    script.add(HttpResponse.json(200, MACHINE));
    assertThat(fly("tok_abcdef", Duration.ofSeconds(3)).machine("org1-fly-router", "3d8d413b").id()).isEqualTo("3d8d413b");
    assertThat(gap(1)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aRetryAfterBeyondTheBoundGivesUpAtOnceInsteadOfWaitingPastIt() {
    script.add(HttpResponse.json(429, "{\"error\":\"rate limited\"}").withHeader("Retry-After", "30"));
    assertThatThrownBy(() -> fly("tok_abcdef", Duration.ofSeconds(1)).startMachine("org1-fly-exec", "3d8d413b"))
        .isInstanceOf(FlyApiException.class)
        .hasMessageStartingWith("start Machine 3d8d413b in app org1-fly-exec failed: 429 rate limited "
            + "(POST /v1/apps/org1-fly-exec/machines/3d8d413b/start, gave up after 1 try in ");
    assertThat(seen).hasSize(1);
  }

  @Test
  void unauthorizedForbiddenAndLeaseConflictsAreNotRetried() {
    script.add(HttpResponse.json(401, "{\"error\":\"Authenticate: token validation error\"}"));
    script.add(HttpResponse.json(409, "{\"error\":\"aborted: machine ID 3d8d413b lease currently held by ops@example.com, expires at 2026-12-01T03:00:00Z\"}"));
    script.add(HttpResponse.json(404, "{\"error\":\"not_found: machine not found\"}"));
    FlyMachinesRest fly = fly("tok_abcdef", Duration.ofSeconds(3));
    assertThatThrownBy(() -> fly.listMachines("org1-nfs")).isInstanceOfSatisfying(FlyApiException.class, e -> assertThat(e.status()).isEqualTo(401))
        .hasMessage("list Machines in app org1-nfs failed: 401 Authenticate: token validation error");
    assertThatThrownBy(() -> fly.stopMachine("org1-fly-exec", "3d8d413b")).isInstanceOfSatisfying(FlyApiException.class, e -> assertThat(e.status()).isEqualTo(409))
        .hasMessageContaining("stop Machine 3d8d413b in app org1-fly-exec failed: 409 aborted: machine ID 3d8d413b lease currently held");
    assertThatThrownBy(() -> fly.machine("org1-fly-exec", "3d8d413b")).isInstanceOfSatisfying(FlyApiException.class, e -> assertThat(e.status()).isEqualTo(404))
        .hasMessage("get Machine 3d8d413b in app org1-fly-exec failed: 404 not_found: machine not found");
    assertThat(seen).hasSize(3);
  }

  @Test
  void aWaitThatKeepsTimingOutEndsAtItsOwnBoundSayingWhereTheMachineIs() {
    // Fly holds each wait call for its whole timeout (1 s here, its minimum) before the 408
    api.close();
    api = HttpListener.start("slow-fly", r -> {
      synchronized (seen) {
        seen.add(r);
      }
      if (r.path().endsWith("/wait")) {
        org.awaitility.Awaitility.await().pollDelay(Duration.ofMillis(900)).until(() -> true);
        return HttpResponse.json(408, "{\"error\":\"deadline_exceeded: machine failed to reach desired state, started, currently starting\"}");
      }
      return HttpResponse.json(200, MACHINE.replace("\"started\"", "\"starting\""));
    });
    Instant t0 = Instant.now();
    assertThatThrownBy(() -> fly("tok_abcdef", Duration.ofSeconds(1)).awaitState("org1-fly-router", "3d8d413b", "started", Duration.ofMillis(1500)))
        .isInstanceOfSatisfying(FlyApiException.class, e -> assertThat(e.status()).isEqualTo(408))
        .hasMessageStartingWith("wait for started (bound 1500 ms, still starting) of Machine 3d8d413b in app org1-fly-router failed: 408 deadline_exceeded");
    assertThat(Duration.between(t0, Instant.now())).isLessThan(Duration.ofSeconds(4));
    assertThat(seen).extracting(HttpRequest::path).containsExactly("/v1/apps/org1-fly-router/machines/3d8d413b/wait",
        "/v1/apps/org1-fly-router/machines/3d8d413b/wait", "/v1/apps/org1-fly-router/machines/3d8d413b");
  }

  @Test
  void aServerErrorDuringAWaitBacksOffInsteadOfAskingAgainAtOnce() {
    script.add(HttpResponse.json(502, "{\"error\":\"bad gateway\"}"));
    script.add(HttpResponse.json(200, "{\"ok\":true}"));
    script.add(HttpResponse.json(200, MACHINE));
    assertThat(fly("tok_abcdef", Duration.ofSeconds(1)).awaitState("org1-fly-router", "3d8d413b", "started", Duration.ofSeconds(5)).started()).isTrue();
    assertThat(gap(1)).isGreaterThanOrEqualTo(Duration.ofMillis(125));
  }

  private Duration gap(int i) {
    synchronized (seen) {
      return Duration.between(arrivals.get(i - 1), arrivals.get(i));
    }
  }

  @Test
  void permanentErrorsFailAtOnceNamingOperationAppMachineAndStatus() {
    script.add(HttpResponse.json(412, "{\"error\":\"failed_precondition: unable to destroy machine, not currently stopped\"}"));
    assertThatThrownBy(() -> fly("tok_abcdef", Duration.ofSeconds(3)).destroyMachine("org1-fly-exec", "3d8d413b", false))
        .isInstanceOf(FlyApiException.class)
        .hasMessage("destroy Machine 3d8d413b in app org1-fly-exec failed: 412 failed_precondition: unable to destroy machine, not currently stopped")
        .satisfies(e -> assertThat(((FlyApiException) e).status()).isEqualTo(412));
    assertThat(seen).hasSize(1);
  }

  @Test
  void aNotFoundRightAfterCreateIsTreatedAsEventualConsistency() {
    script.add(HttpResponse.json(200, MACHINE));
    script.add(HttpResponse.json(404, "{\"error\":\"not_found: machine not found\"}"));
    script.add(HttpResponse.json(200, MACHINE));
    FlyMachinesRest fly = fly("tok_abcdef", Duration.ofSeconds(3));
    MachineInfo m = fly.createMachine("org1-worker-pool", MachineSpec.of("registry.fly.io/host-coder:latest"));
    assertThat(fly.machine("org1-worker-pool", m.id()).id()).isEqualTo("3d8d413b");
  }

  @Test
  void unknownAppIsEmptyNotAnError() {
    script.add(HttpResponse.json(404, "{\"error\":\"app not found\"}"));
    assertThat(fly("tok_abcdef", Duration.ofSeconds(1)).findApp("org1-nope")).isEmpty();
  }

  @Test
  void waitLoopsOverFlysTimeoutsUntilItsOwnBound() {
    script.add(HttpResponse.json(408, "{\"error\":\"deadline_exceeded: machine failed to reach desired state, started, currently starting\"}"));
    script.add(HttpResponse.json(200, "{\"ok\":true}"));
    script.add(HttpResponse.json(200, MACHINE));
    MachineInfo m = fly("tok_abcdef", Duration.ofSeconds(1)).awaitState("org1-fly-router", "3d8d413b", "started", Duration.ofSeconds(5));
    assertThat(m.started()).isTrue();
    assertThat(seen.get(0).query("timeout")).hasValue("5");
  }

  @Test
  void sendsMacaroonsAsFlyV1AndOtherTokensAsBearer() {
    script.add(HttpResponse.json(200, "[]"));
    script.add(HttpResponse.json(200, "[]"));
    fly("fm2_lJPECAAAAAAAAAA", Duration.ofSeconds(1)).listMachines("a");
    fly("tok_abcdef", Duration.ofSeconds(1)).listMachines("a");
    assertThat(seen.get(0).header("authorization")).hasValue("FlyV1 fm2_lJPECAAAAAAAAAA");
    assertThat(seen.get(1).header("authorization")).hasValue("Bearer tok_abcdef");
  }

  @Test
  void everyCallIsRecordedWithoutItsCredentials() {
    script.add(HttpResponse.json(401, "{\"error\":\"Authenticate: token validation error\"}"));
    assertThatThrownBy(() -> fly("tok_abcdef", Duration.ofSeconds(1)).listMachines("a")).hasMessageContaining("401");
    assertThat(recorded).singleElement().asString().contains("list Machines → 401").doesNotContain("tok_abcdef");
  }

  @Test
  void logsAreReadPageByPageAndNeverTailed() {
    script.add(HttpResponse.json(200, "{\"data\":[{\"id\":\"1\",\"attributes\":{\"timestamp\":\"t\",\"message\":\"mount ok\",\"level\":\"info\",\"instance\":\"m1\",\"region\":\"syd\"}}],\"meta\":{\"next_token\":\"1\"}}"));
    script.add(HttpResponse.json(200, "{\"data\":[],\"meta\":{\"next_token\":\"1\"}}"));
    List<LogLine> lines = fly("tok_abcdef", Duration.ofSeconds(1)).logs("org1-nfs", null, 50);
    assertThat(lines).extracting(LogLine::message).containsExactly("mount ok");
    assertThat(seen).hasSize(2);
    assertThat(seen.get(1).query("next_token")).hasValue("1");
  }

  @Test
  void aLongLogGivesItsNewestLinesNotItsOldest() {
    script.add(HttpResponse.json(200, page(1, 2)));
    script.add(HttpResponse.json(200, page(3, 4)));
    script.add(HttpResponse.json(200, page(5, 5)));
    script.add(HttpResponse.json(200, "{\"data\":[],\"meta\":{\"next_token\":\"5\"}}"));
    List<LogLine> lines = fly("tok_abcdef", Duration.ofSeconds(1)).logs("org1-fly-router", null, 3);
    assertThat(lines).extracting(LogLine::message).containsExactly("line 3", "line 4", "line 5");
  }

  private static String page(int from, int to) {
    StringBuilder data = new StringBuilder();
    for (int i = from; i <= to; i++) {
      if (data.length() > 0) data.append(',');
      data.append("{\"id\":\"").append(i).append("\",\"attributes\":{\"timestamp\":\"t").append(i)
          .append("\",\"message\":\"line ").append(i).append("\",\"level\":\"info\",\"instance\":\"m1\",\"region\":\"syd\"}}");
    }
    return "{\"data\":[" + data + "],\"meta\":{\"next_token\":\"" + to + "\"}}";
  }
}
