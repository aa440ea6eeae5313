package io.artifact.e2e.router;

import io.artifact.e2e.clerk.SessionToken;
import io.artifact.e2e.clerk.TestUser;
import io.artifact.e2e.contract.Contract;
import io.artifact.e2e.exec.ComputerTeardown;
import io.artifact.e2e.fault.FaultRecord;
import io.artifact.e2e.fault.FlyFaults;
import io.artifact.e2e.fly.LogLine;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.nfs.InstanceFile;
import io.artifact.e2e.provision.SliceProvisioner;
import io.artifact.e2e.target.Capability;
import io.artifact.e2e.world.ScenarioWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ROUTER-001 as ops walk it: who opens the base domain with what session, what the router
 * answered at each hop, what it logged, and what exec did (or did not) start as a result.
 */
public final class IngressJourney {

  private static final String SECRET = "CLERK_SECRET_KEY";
  private static final int ROUTER_LOG_LINES = 500;
  /** Clerk secret keys look like {@code sk_test_…} (fly-facts.md §9.4); this one belongs to no instance. */
  private static final String INVALID_SECRET_PREFIX = "sk_test_e2e_invalid_";

  private final ScenarioWorld world;
  private final SliceProvisioner provisioner;
  private final Map<String, Caller> callers = new HashMap<>();
  private List<Exchange> hops = List.of();
  private Caller lastCaller;
  private String computer;
  private final Map<String, TestUser> users = new HashMap<>();
  private Set<String> machinesBefore;
  private Set<String> instancesBefore;
  private LogLine routerLogMark;
  private String lastLogExcerpt;
  private FaultRecord.Fault secretFault;
  private Duration lastVisit = Duration.ZERO;
  private Instant lastVisitEnded;

  public IngressJourney(ScenarioWorld world, SliceProvisioner provisioner) {
    this.world = world;
    this.provisioner = provisioner;
  }

  /**
   * Notes the worker pool's Machines and the share's instance files as the scenario found them: on
   * a shared slice they hold other people's agents, and a verdict may judge only what is new since.
   */
  public void noteWhatIsAlreadyThere() {
    machinesBefore = workerMachines("before").stream().map(MachineInfo::id).collect(Collectors.toSet());
    List<LogLine> log = routerLogLines();
    routerLogMark = log.isEmpty() ? null : log.get(log.size() - 1);
    // the rows that judge the share need it and skip without it; the others must still run
    instancesBefore = world.target().offers(Capability.NFS_FILES) ? Set.copyOf(instanceFiles()) : null;
  }

  /** Worker Machines (not destroyed) that were not in the pool when the scenario began. */
  public List<MachineInfo> newWorkerMachines() {
    if (machinesBefore == null) throw new IllegalStateException("the worker pool was not noted when the scenario began");
    return workerMachines("after").stream().filter(m -> !machinesBefore.contains(m.id()) && !m.state().equals("destroyed")).toList();
  }

  /** Instance files ({@code computer/agent}) that were not on the share when the scenario began. */
  public List<String> newInstanceFiles() {
    world.require(Capability.NFS_FILES);
    if (instancesBefore == null) throw new IllegalStateException("the share's instance files were not noted when the scenario began");
    return instanceFiles().stream().filter(f -> !instancesBefore.contains(f)).toList();
  }

  public List<MachineInfo> workerMachines(String label) {
    List<MachineInfo> machines = world.fly().listMachines(world.slice().workerPoolApp());
    world.evidence().machines("worker-machines", label, machines.stream().map(MachineInfo::raw).toList());
    return machines;
  }

  public void removeClerkSecret() {
    secretFault = new FlyFaults(world).removeSecret(world.slice().routerApp(), SECRET, clerkSecret());
  }

  /** Runbook: "temporarily set invalid Clerk secrets" — present, well-formed, and not the instance's. */
  public void flipClerkSecretToInvalid() {
    secretFault = new FlyFaults(world).flipSecret(world.slice().routerApp(), SECRET, INVALID_SECRET_PREFIX + world.slice().runId(), clerkSecret());
  }

  /** Reverts the secret fault now (its undo: the right value again, digest checked), as the runbook's "revert". */
  public void restoreClerkSecret() {
    world.faultRecord().revert(secretFault);
  }

  private String clerkSecret() {
    return provisioner.blueprint().credentials().routerSecrets().get(SECRET);
  }

  /** A Clerk user unique to this scenario (the same one each time the name comes back), signed in: their browser carries the session cookies. */
  public Caller signedInBrowser(String name) {
    return signedInBrowser(name, user -> world.clerk().sessionToken(user));
  }

  /** The same user's program: it sends the session as a bearer token (stack-contract.md §2.3). */
  public Caller signedInApiClient(String name) {
    return signedIn(name, user -> world.clerk().sessionToken(user), false);
  }

  /** The same, with a session minted by {@code session} (a short-lived one, say). */
  public Caller signedInBrowser(String name, java.util.function.Function<TestUser, SessionToken> session) {
    return signedIn(name, session, true);
  }

  private Caller signedIn(String name, java.util.function.Function<TestUser, SessionToken> session, boolean browser) {
    TestUser user = user(name);
    SessionToken token = session.apply(user);
    world.redactor().secret(token.jwt());
    computer = computerOf(name);
    Caller caller = browser ? Caller.browser(name, token) : Caller.apiClient(name, token);
    callers.put(name, caller);
    return caller;
  }

  private TestUser user(String name) {
    return users.computeIfAbsent(name, n -> {
      TestUser u = world.clerk().user(n + "-" + world.slice().runId());
      world.cleanup().register("delete Clerk user " + u.name(), () -> world.clerk().deleteUser(u));
      // the router makes this user's computer and exec its worker Machine: neither may outlive the scenario
      ComputerTeardown.stopLater(world, u.id().toLowerCase(Locale.ROOT));
      return u;
    });
  }

  /** The computer id of a user who signed in in this scenario: their Clerk user id, lowercased (stack-contract.md §2.4). */
  public String computerOf(String name) {
    TestUser user = users.get(name);
    if (user == null) throw new IllegalStateException(name + " has not signed in in this scenario");
    return user.id().toLowerCase(Locale.ROOT);
  }

  /** The signed-in caller opens their own computer host ({@code <computer>.<base>}) before the base domain made it, following the router's redirects. */
  public void openComputerHost(Caller caller, String name) {
    if (computersOnTheVolume().contains(computerOf(name))) {
      throw new IllegalStateException(name + "'s computer " + computerOf(name) + " is already on the shared volume: the base domain was opened before");
    }
    String domain = world.slice().domain();
    lastCaller = caller;
    hops = world.router().follow(computerOf(name) + "." + domain, domain, caller);
  }

  /** Agents of the user's computer that have an instance file (a landing the router made gets one). */
  public List<String> runningAgentsOf(String name) {
    return world.nfs().instances(computerOf(name));
  }

  /** Worker Machines (not destroyed) labelled with the user's computer. */
  public List<MachineInfo> workerMachinesOf(String name) {
    String key = world.contract().value(Contract.WORKER_COMPUTER_LABEL);
    return workerMachines("of-" + name).stream()
        .filter(m -> computerOf(name).equals(m.metadata().get(key)) && !m.state().equals("destroyed")).toList();
  }

  /** Opens the slice's base domain and follows the router's redirects within it. */
  public void openBaseDomain(Caller caller) {
    String domain = world.slice().domain();
    lastCaller = caller;
    long t0 = System.nanoTime();
    hops = world.router().follow(domain, domain, caller);
    lastVisit = Duration.ofNanos(System.nanoTime() - t0);
    lastVisitEnded = Instant.now();
  }

  /** The same caller, with the same session, once more. */
  public void openBaseDomainAgain() {
    if (lastCaller == null) throw new IllegalStateException("nobody has opened the base domain yet");
    openBaseDomain(lastCaller);
  }

  /** When the last visit's final answer arrived. */
  public Instant lastVisitEnded() {
    if (lastVisitEnded == null) throw new IllegalStateException("nobody has opened the base domain yet");
    return lastVisitEnded;
  }

  /** How long the last visit took, every redirect included. */
  public Duration lastVisit() {
    return lastVisit;
  }

  /** Who opened the base domain last (the caller {@link #lastAnswer()} and {@link #landing()} are about). */
  public Optional<Caller> lastCaller() {
    return Optional.ofNullable(lastCaller);
  }

  public Exchange lastAnswer() {
    return hops.get(hops.size() - 1);
  }

  /** Every answer of the last visit, in order. */
  public List<Exchange> hops() {
    return hops;
  }

  /** The host the last answer came from (the agent host, once a caller has landed). */
  public String lastHost() {
    return Exchange.hostOf(lastAnswer().url());
  }

  /** A user signed in earlier in the scenario opens {@code host} again (a reload of their tab), following the router's redirects. */
  public void reopen(String name, String host) {
    Caller caller = callers.get(name);
    if (caller == null) throw new IllegalStateException(name + " has not signed in in this scenario");
    hops = world.router().follow(host, world.slice().domain(), caller);
  }

  public String signInUrl() {
    return world.clerk().signInUrl();
  }

  public String baseUrl() {
    return "http://" + world.slice().domain() + "/";
  }

  /** The signed-in caller's computer id (lowercased Clerk user id), if the caller signed in. */
  public Optional<String> computer() {
    return Optional.ofNullable(computer);
  }

  /** Where a signed-in caller landed, read from the contract's own facts, never from page markup. */
  public record Landing(String agent, String computer, String machineId) {}

  /**
   * The agent and computer from the final host ({@code <agent>--<computer>.<base>}, stack-contract.md
   * §2.1), and the Machine the agent's running instance file names (§1.3).
   */
  public Landing landing() {
    // by hand: computer ids are lowercased Clerk user ids, and java.net.URI has no host for names with '_'
    String host = lastAnswer().url().replaceFirst("^[a-z]+://", "").replaceFirst("[:/?#].*$", "").toLowerCase(Locale.ROOT);
    String base = "." + world.slice().domain();
    String separator = world.contract().value(Contract.AGENT_HOST_SEPARATOR);
    if (host == null || !host.endsWith(base) || !host.substring(0, host.length() - base.length()).contains(separator)) {
      throw new AssertionError("the final answer came from " + host + ", not an agent host <agent>" + separator + "<computer>" + base
          + " (" + Contract.AGENT_HOST_SEPARATOR.source() + ")");
    }
    String label = host.substring(0, host.length() - base.length());
    String agent = label.substring(0, label.indexOf(separator));
    String computer = label.substring(label.indexOf(separator) + separator.length());
    String running = world.contract().value(Contract.INSTANCE_RUNNING);
    String machine = world.nfs().readInstance(computer, agent).filter(i -> running.equals(i.hardware())).map(InstanceFile::machineId).orElse("");
    return new Landing(agent, computer, machine);
  }

  /** The computers on the shared volume (a listing that fails when the volume cannot be read). */
  public List<String> computersOnTheVolume() {
    return world.nfs().computers();
  }

  public List<String> routerLog() {
    return routerLogLines().stream().map(LogLine::message).toList();
  }

  /**
   * The router's log lines written since the scenario began (after the last line it had then): on a
   * shared slice earlier scenarios' auth failures are in the log too, and must not count.
   */
  public List<String> routerLogSinceStart() {
    List<LogLine> lines = routerLogLines();
    int from = routerLogMark == null ? 0 : lines.lastIndexOf(routerLogMark) + 1; // mark rolled out of the window: all are new
    return lines.subList(from, lines.size()).stream().map(LogLine::message).toList();
  }

  private List<LogLine> routerLogLines() {
    List<LogLine> lines = world.fly().logs(world.slice().routerApp(), null, ROUTER_LOG_LINES);
    // verdicts poll the log: attach it when it changed, not once per poll
    String excerpt = String.join("\n", lines.stream().map(LogLine::toString).toList());
    if (!excerpt.equals(lastLogExcerpt)) world.evidence().text("router-log-excerpt.txt", excerpt);
    lastLogExcerpt = excerpt;
    return lines;
  }

  /** Every instance file on the volume, as {@code computer/agent}. */
  public List<String> instanceFiles() {
    return world.nfs().computers().stream().flatMap(c -> world.nfs().instances(c).stream().map(a -> c + "/" + a)).toList();
  }
}
