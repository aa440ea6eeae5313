package io.artifact.flyemu.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.fly.ImageRegistry;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.fly.MachineProgram;
import io.artifact.flyemu.fly.MachineRuntime;
import io.artifact.flyemu.fly.MachineState;
import io.artifact.flyemu.fly.RealScheduler;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeTest {

  /** A program whose answer the test decides; it knows its own Machine id. */
  static final class Scripted implements MachineProgram {
    final Function<Scripted, Function<HttpRequest, HttpResponse>> script;
    String id;

    Scripted(Function<Scripted, Function<HttpRequest, HttpResponse>> script) {
      this.script = script;
    }

    @Override
    public void boot(MachineRuntime rt) {
      id = rt.machineId();
    }

    @Override
    public HttpResponse serve(HttpRequest r) {
      return script.apply(this).apply(r);
    }
  }

  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path data;
  RealScheduler scheduler;
  FlyPlatform fly;
  Edge edge;
  /** What the "router" answers: a replay, or (once replayed to itself) a plain page. */
  volatile HttpResponse routerAnswer;

  void replay(FlyReplay r) {
    routerAnswer = r.toResponse();
  }

  @BeforeEach
  void platform() {
    scheduler = new RealScheduler(2);
    ImageRegistry images = new ImageRegistry()
        .register("router", ref -> new Scripted(p -> r -> routerAnswer == null ? HttpResponse.text(200, "router " + p.id) : routerAnswer))
        .register("worker", ref -> new Scripted(p -> r -> HttpResponse.text(200, "worker " + p.id + " src=" + r.header("fly-replay-src").orElse("")
            + " port=" + r.header("fly-forwarded-port").orElse("") + " failed=" + r.header("fly-replay-failed").orElse(""))));
    fly = new FlyPlatform(new FlyPlatform.Settings(Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofSeconds(5), 100, data), scheduler, images);
    fly.createApp("org1-router", "org1");
    fly.createApp("org1-pool", "org1");
    fly.createApp("org1-exec", "org1");
    fly.addCertificate("org1-router", "agentic.test");
    fly.addCertificate("org1-router", "*.agentic.test");
    edge = new Edge(fly, Duration.ofSeconds(2));
  }

  @AfterEach
  void stop() {
    fly.shutdown();
    scheduler.close();
  }

  Machine machine(String app, String image, Map<String, String> env) throws Exception {
    ObjectNode c = JSON.createObjectNode().put("image", "registry.fly.io/" + image + ":latest");
    ObjectNode e = c.putObject("env");
    env.forEach(e::put);
    Machine m = fly.createMachine(app, null, null, c, false);
    m.when(EnumSet.of(MachineState.STARTED)).get(2, TimeUnit.SECONDS);
    return m;
  }

  HttpResponse get(String host) throws Exception {
    return edge.handle(new HttpRequest("GET", "http", host, 80, "/", "", Map.of("fly-replay-src", List.of("forged")), new byte[0]));
  }

  @Test
  void routesByWildcardCertificateAndReplaysToTheNamedInstanceWithItsSource() throws Exception {
    Machine router = machine("org1-router", "router", Map.of());
    Machine worker = machine("org1-pool", "worker", Map.of());
    replay(FlyReplay.toInstance("org1-pool", worker.id()));
    HttpResponse r = get("brave-otter--user_a.agentic.test");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyText()).startsWith("worker " + worker.id() + " src=instance=" + router.id() + ";region=syd;t=").contains("port=443");
  }

  @Test
  void theReplayHeaderFormWorksToo() throws Exception {
    machine("org1-router", "router", Map.of());
    Machine worker = machine("org1-pool", "worker", Map.of());
    routerAnswer = HttpResponse.text(409, "").withHeader("fly-replay", "app=org1-pool;instance=" + worker.id() + ";state=s1");
    assertThat(edge.handle(HttpRequest.of("GET", "agentic.test", "/")).bodyText()).startsWith("worker " + worker.id()).contains(";state=s1");
  }

  @Test
  void aStoppedTargetIsStartedBeforeTheReplay() throws Exception {
    machine("org1-router", "router", Map.of());
    Machine worker = machine("org1-pool", "worker", Map.of());
    worker.stop();
    worker.when(EnumSet.of(MachineState.STOPPED)).get(2, TimeUnit.SECONDS);
    replay(FlyReplay.toInstance("org1-pool", worker.id()));
    assertThat(get("x--y.agentic.test").bodyText()).startsWith("worker " + worker.id());
    assertThat(worker.state()).isEqualTo(MachineState.STARTED);
  }

  @Test
  void aTargetGoingToSleepRightNowFinishesDoingSoAndIsWokenForTheReplay() throws Exception {
    ImageRegistry images = new ImageRegistry()
        .register("router", ref -> new Scripted(p -> r -> routerAnswer))
        .register("worker", ref -> new Scripted(p -> r -> HttpResponse.text(200, "worker " + p.id)));
    fly.shutdown();
    fly = new FlyPlatform(new FlyPlatform.Settings(Duration.ofMillis(300), Duration.ofMillis(5), Duration.ofSeconds(5), 100, data), scheduler, images);
    fly.createApp("org1-router", "org1");
    fly.createApp("org1-pool", "org1");
    fly.addCertificate("org1-router", "*.agentic.test");
    edge = new Edge(fly, Duration.ofSeconds(2));
    machine("org1-router", "router", Map.of());
    Machine worker = machine("org1-pool", "worker", Map.of());
    replay(FlyReplay.toInstance("org1-pool", worker.id()));
    worker.suspend(); // autostop's doing: suspending for 300 ms
    assertThat(worker.state()).isEqualTo(MachineState.SUSPENDING);
    assertThat(get("x--y.agentic.test").bodyText()).isEqualTo("worker " + worker.id());
    assertThat(worker.events()).extracting(e -> e.type() + ":" + e.status()).containsSubsequence("start:started", "suspend:suspended");
  }

  @Test
  void aGoneTargetGoesToTheExecBridgeWithTheFailure() throws Exception {
    machine("org1-router", "router", Map.of("DC_EXEC", "org1-exec.flycast"));
    Machine exec = machine("org1-exec", "worker", Map.of());
    replay(FlyReplay.toInstance("org1-pool", "d8e7f00dead"));
    HttpResponse r = get("x--y.agentic.test");
    assertThat(r.bodyText()).startsWith("worker " + exec.id()).contains("failed=instance=d8e7f00dead;app=org1-pool").contains("reason=no_candidate");
  }

  @Test
  void aGoneTargetWithoutABridgeIsAProxyError() throws Exception {
    machine("org1-router", "router", Map.of());
    replay(FlyReplay.toInstance("org1-pool", "d8e7f00dead"));
    HttpResponse r = get("x--y.agentic.test");
    assertThat(r.status()).isEqualTo(502);
    assertThat(r.header("fly-proxy-error")).contains("PR02");
  }

  @Test
  void endlessReplaysStopAfterTen() throws Exception {
    machine("org1-router", "router", Map.of());
    replay(FlyReplay.toApp("org1-router", "loop"));
    HttpResponse r = get("agentic.test");
    assertThat(r.status()).isEqualTo(502);
    assertThat(r.bodyText()).contains("more than 10 chained replays");
  }

  @Test
  void aStoppedAppIsAutostartedAndAnUnknownHostIsNotFound() throws Exception {
    Machine router = machine("org1-router", "router", Map.of());
    router.stop();
    router.when(EnumSet.of(MachineState.STOPPED)).get(2, TimeUnit.SECONDS);
    assertThat(get("agentic.test").bodyText()).isEqualTo("router " + router.id());
    assertThat(get("elsewhere.test").status()).isEqualTo(404);
  }
}
