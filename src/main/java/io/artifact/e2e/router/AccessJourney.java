package io.artifact.e2e.router;

import io.artifact.e2e.contract.Contract;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.nfs.InstanceFile;
import io.artifact.e2e.world.ScenarioWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * stack-contract.md §8 G7: a signed-in user reaching for another user's computer or agent. Notes
 * what the owner's computer holds once they have landed — instance files as written, worker Machines
 * by id (their state may change by itself: idle Machines suspend) — so a verdict can say whether the
 * other user's visit touched any of it.
 */
public final class AccessJourney {

  /** What the owner's computer holds: each instance file by agent, and the worker Machines labelled with it. */
  public record Holdings(Map<String, Optional<InstanceFile>> instances, List<String> machines) {}

  private final ScenarioWorld world;
  private final IngressJourney ingress;
  private String owner;
  private String computer;
  private String agentHost;
  private Holdings before;

  public AccessJourney(ScenarioWorld world, IngressJourney ingress) {
    this.world = world;
    this.ingress = ingress;
  }

  /** The owner signs in and lands on their agent; what their computer then holds is noted. */
  public IngressJourney.Landing ownerLands(String name) {
    ingress.openBaseDomain(ingress.signedInBrowser(name));
    Exchange last = ingress.lastAnswer();
    if (last.status() != 200) throw new AssertionError(name + " did not land on her agent: " + last.status() + " from " + last.url());
    IngressJourney.Landing landing = ingress.landing();
    owner = name;
    computer = landing.computer();
    agentHost = ingress.lastHost();
    before = holdings("before");
    return landing;
  }

  /** {@code place} is "computer" (the computer host) or "agent" (the agent host the owner landed on). */
  public void otherUserOpens(String name, String ownerName, String place) {
    if (!ownerName.equals(owner)) throw new IllegalStateException(ownerName + " has not landed in this scenario (" + owner + " has)");
    ingress.signedInBrowser(name);
    String host = switch (place) {
      case "computer" -> computer + "." + world.slice().domain();
      case "agent" -> agentHost;
      default -> throw new IllegalArgumentException("a user reaches a computer or an agent, not '" + place + "'");
    };
    ingress.reopen(name, host);
  }

  /**
   * What changed in the owner's holdings since they landed, as last seen while the settle window
   * lasted (empty: untouched throughout); the other user's visit may act in the background.
   */
  public List<String> changesWithinSettleWindow() {
    AtomicReference<List<String>> seen = new AtomicReference<>(List.of());
    try {
      world.holdsThroughout(owner + "'s instance files and worker Machines unchanged", () -> {
        seen.set(changesToOwnersHoldings());
        return seen.get().isEmpty();
      });
    } catch (ConditionTimeoutException e) {
      if (seen.get().isEmpty()) throw e;
    }
    return seen.get();
  }

  private List<String> changesToOwnersHoldings() {
    Holdings after = holdings("after");
    List<String> changes = new ArrayList<>();
    if (!after.instances().keySet().equals(before.instances().keySet())) {
      changes.add("agents with instance files were " + before.instances().keySet() + ", now " + after.instances().keySet());
    }
    before.instances().forEach((agent, file) -> {
      if (after.instances().containsKey(agent) && !after.instances().get(agent).equals(file)) {
        changes.add("instance file of " + agent + " was " + file.orElse(null) + ", now " + after.instances().get(agent).orElse(null));
      }
    });
    if (!after.machines().equals(before.machines())) changes.add("worker Machines were " + before.machines() + ", now " + after.machines());
    return changes;
  }

  private Holdings holdings(String label) {
    Map<String, Optional<InstanceFile>> instances = new TreeMap<>();
    world.nfs().instances(computer).forEach(a -> instances.put(a, world.nfs().readInstance(computer, a)));
    String key = world.contract().value(Contract.WORKER_COMPUTER_LABEL);
    List<String> machines = ingress.workerMachines(owner + "-" + label).stream()
        .filter(m -> computer.equals(m.metadata().get(key)) && !m.state().equals("destroyed")).map(MachineInfo::id).sorted().toList();
    Holdings h = new Holdings(instances, machines);
    world.evidence().json(owner + "-holdings-" + label + ".json", Map.of("instances", instances.toString(), "machines", machines));
    return h;
  }
}
