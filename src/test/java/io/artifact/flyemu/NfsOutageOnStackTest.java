package io.artifact.flyemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.artifact.flyemu.clerk.ClerkAuthenticator;
import io.artifact.flyemu.fly.LogEntry;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.fly.MachineState;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import io.artifact.flyemu.net.NetworkClient;
import io.artifact.flyemu.nfs.ComputerStore;
import io.artifact.flyemu.nfs.ImageRecord;
import io.artifact.flyemu.nfs.Instance;
import io.artifact.flyemu.nfs.NfsRoot;
import io.artifact.flyemu.router.FakeClerk;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * FAULT-050 on the platform: with the NFS Machine suspended or stopped the router answers 503 with
 * Retry-After and exec defers the change; past the grace period both raise an ALERT line; once NFS
 * is back the router serves again and exec finishes the deferred change without another kick.
 */
class NfsOutageOnStackTest {

  static final Map<String, String> GRACE = Map.of("DC_NFS_ALERT_GRACE_MS", "400");
  static final Map<String, String> SECRETS = Map.of("CLERK_SECRET_KEY", FakeClerk.SECRET, "CLERK_PUBLISHABLE_KEY", "pk_test_x");
  static EmbeddedStack stack;

  @BeforeAll
  static void start() {
    stack = EmbeddedStack.start(StackSettings.defaults("test-token"));
    stack.platform().services().register(ClerkAuthenticator.class, new FakeClerk());
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void theRouterBacksOffWhileNfsIsSuspendedAndServesOnceItIsBack() throws Exception {
    StackOrg org = new StackOrg(stack, "org51").provisionExec("latest", GRACE);
    Machine router = org.routerMachine("latest", SECRETS, GRACE);
    Machine nfs = nfsMachine(org);
    nfs.suspend();
    nfs.when(EnumSet.of(MachineState.SUSPENDED)).get(2, TimeUnit.SECONDS);

    HttpResponse down = base(router, org);
    assertThat(down.status()).isEqualTo(503);
    assertThat(down.header("retry-after")).contains("1");
    assertThat(down.bodyText()).contains("NFS").contains("retry");

    nfs.start();
    nfs.when(EnumSet.of(MachineState.STARTED)).get(2, TimeUnit.SECONDS);
    assertThat(base(router, org).status()).isEqualTo(307);
  }

  @Test
  void theNoBackoffRouterAnswersTheRealRouters500() throws Exception {
    StackOrg org = new StackOrg(stack, "org52").provisionExec("latest", GRACE);
    Machine router = org.routerMachine("defect-no-backoff", SECRETS, GRACE);
    stop(nfsMachine(org));
    HttpResponse down = base(router, org);
    assertThat(down.status()).isEqualTo(500);
    assertThat(down.header("retry-after")).isEmpty();
  }

  @Test
  void pastTheGracePeriodBothAlertAndExecFinishesTheDeferredChangeByItself() throws Exception {
    StackOrg org = new StackOrg(stack, "org53").provisionExec("latest", GRACE);
    org.routerMachine("latest", SECRETS, GRACE);
    ComputerStore store = new ComputerStore(NfsRoot.at(org.root()));
    store.upsertComputer("c1");
    String agent = store.createAgent("c1");
    store.instances().write("c1", agent, Instance.queued(ImageRecord.hostCoder()));
    Machine nfs = nfsMachine(org);
    stop(nfs);

    var kick = stack.platform().services().get(NetworkClient.class)
        .post("http://" + org.exec + ".flycast/changed/c1", null, Duration.ofSeconds(5));
    assertThat(kick.statusCode()).isEqualTo(503);
    assertThat(kick.headers().firstValue("retry-after")).isPresent();
    await().atMost(Duration.ofSeconds(5)).until(() -> alerts(org.router).size() == 1 && alerts(org.exec).size() == 1);
    assertThat(alerts(org.exec).get(0).message()).contains("\"alert\":\"nfs_unavailable\"", "\"app\":\"" + org.exec + "\"", "\"grace_ms\":400");
    assertThat(store.instances().read("c1", agent)).hasValueSatisfying(i -> assertThat(i.hardware()).isEqualTo(Instance.Hardware.QUEUED));

    nfs.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> store.instances().read("c1", agent)
        .map(i -> i.hardware() == Instance.Hardware.RUNNING).orElse(false));
    // exec says so once the reconcile has completed, which is after it wrote the instance file
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(messages(org.exec))
        .anyMatch(m -> m.startsWith("NFS mount ok again after") && m.contains("resolved"))
        .anyMatch(m -> m.equals("c1: reconciled after the NFS outage (changeCount 1)")));
  }

  @Test
  void theNoAlertVariantsSeeTheOutageButRaiseNothing() throws Exception {
    StackOrg org = new StackOrg(stack, "org54").provisionExec("defect-no-alert", GRACE);
    org.routerMachine("defect-no-alert", SECRETS, GRACE);
    stop(nfsMachine(org));
    await().atMost(Duration.ofSeconds(5)).until(() -> messages(org.router).stream().anyMatch(m -> m.contains("backing off"))
        && messages(org.exec).stream().anyMatch(m -> m.contains("backing off")));
    await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> alerts(org.router).isEmpty() && alerts(org.exec).isEmpty());
  }

  static Machine nfsMachine(StackOrg org) {
    return stack.platform().machines(org.nfs, false).get(0);
  }

  static void stop(Machine m) throws Exception {
    m.stop();
    m.when(EnumSet.of(MachineState.STOPPED)).get(2, TimeUnit.SECONDS);
  }

  static HttpResponse base(Machine router, StackOrg org) throws Exception {
    return router.runningProgram().serve(new HttpRequest("GET", "http", org.domain, 80, "/", "",
        Map.of("authorization", List.of("Bearer good:User_A"), "accept", List.of("text/html")), new byte[0]));
  }

  static List<LogEntry> alerts(String app) {
    return stack.platform().logs(app, null, null, 200).stream().filter(e -> e.message().startsWith("ALERT {")).toList();
  }

  static List<String> messages(String app) {
    return stack.platform().logs(app, null, null, 200).stream().map(LogEntry::message).toList();
  }
}
