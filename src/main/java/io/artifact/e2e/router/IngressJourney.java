package io.artifact.e2e.router;

import io.artifact.e2e.clerk.SessionToken;
import io.artifact.e2e.clerk.TestUser;
import io.artifact.e2e.fault.FlyFaults;
import io.artifact.e2e.fly.LogLine;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.provision.SliceProvisioner;
import io.artifact.e2e.world.ScenarioWorld;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ROUTER-001 as ops walk it: who opens the base domain with what session, what the router
 * answered at each hop, what it logged, and what exec did (or did not) start as a result.
 */
public final class IngressJourney {

  private static final Pattern FIELD = Pattern.compile("<dd id=\"(computer|agent|machine)\">([^<]*)</dd>");
  private static final String SECRET = "CLERK_SECRET_KEY";

  private final ScenarioWorld world;
  private final SliceProvisioner provisioner;
  private List<Exchange> hops = List.of();
  private String computer;

  public IngressJourney(ScenarioWorld world, SliceProvisioner provisioner) {
    this.world = world;
    this.provisioner = provisioner;
  }

  public List<MachineInfo> workerMachines(String label) {
    List<MachineInfo> machines = world.fly().listMachines(world.slice().workerPoolApp());
    world.evidence().json("worker-machines-" + label + ".json", machines.stream().map(MachineInfo::raw).toList());
    return machines;
  }

  public void removeClerkSecret() {
    new FlyFaults(world).removeSecret(world.slice().routerApp(), SECRET, provisioner.blueprint().credentials().routerSecrets().get(SECRET));
  }

  public void restoreClerkSecret() {
    world.fly().setSecrets(world.slice().routerApp(), Map.of(SECRET, provisioner.blueprint().credentials().routerSecrets().get(SECRET)));
  }

  /** A Clerk user unique to this scenario, signed in: their browser carries the session cookies. */
  public Caller signedInBrowser(String name) {
    TestUser user = world.clerk().user(name + "-" + world.slice().runId());
    world.cleanup().register("delete Clerk user " + user.name(), () -> world.clerk().deleteUser(user));
    SessionToken token = world.clerk().sessionToken(user);
    world.redactor().secret(token.jwt());
    computer = user.id().toLowerCase(Locale.ROOT);
    return Caller.browser(name, token);
  }

  /** Opens the slice's base domain and follows the router's redirects within it. */
  public void openBaseDomain(Caller caller) {
    String domain = world.slice().domain();
    hops = world.router().follow(domain, domain, caller);
  }

  public Exchange lastAnswer() {
    return hops.get(hops.size() - 1);
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

  /** The computer, agent and Machine the landing page names. */
  public Map<String, String> pageFields() {
    Map<String, String> fields = new HashMap<>();
    Matcher m = FIELD.matcher(lastAnswer().body());
    while (m.find()) fields.put(m.group(1), m.group(2));
    return fields;
  }

  public List<String> routerLog() {
    List<String> lines = world.fly().logs(world.slice().routerApp(), null, 200).stream().map(LogLine::message).toList();
    world.evidence().text("router-log-excerpt.txt", String.join("\n", lines));
    return lines;
  }

  /** Every instance file on the volume, as {@code computer/agent}. */
  public List<String> instanceFiles() {
    return world.nfs().computers().stream().flatMap(c -> world.nfs().instances(c).stream().map(a -> c + "/" + a)).toList();
  }
}
