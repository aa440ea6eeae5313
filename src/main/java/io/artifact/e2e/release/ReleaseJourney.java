package io.artifact.e2e.release;

import io.artifact.e2e.contract.Json;
import io.artifact.e2e.contract.ReleaseContract;
import io.artifact.e2e.fly.LogLine;
import io.artifact.e2e.fly.MachineInfo;
import io.artifact.e2e.nfs.NfsLayout;
import io.artifact.e2e.nfs.NfsPort;
import io.artifact.e2e.provision.SliceProvisioner;
import io.artifact.e2e.router.Caller;
import io.artifact.e2e.router.IngressJourney;
import io.artifact.e2e.world.ScenarioWorld;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * AGENT-030 as ops walk it: signed-in users' agents, the release of an agent image they run, a
 * release step publishing a new manifest on the shared volume (the runbook's {@code deno task
 * deploy}, E2E.md Phase 2), and what exec logged. Which release an agent runs is read from Fly —
 * the image of the worker Machine serving it, as the Machines API reports it — never from page
 * markup. Every manifest published is put back as it was at teardown.
 */
public final class ReleaseJourney {

  /** One user's visit: where they landed and the image that Machine runs. */
  public record Visit(String user, String agent, String machineId, String image, boolean started) {}

  private final ScenarioWorld world;
  private final IngressJourney ingress;
  private final SliceProvisioner provisioner;
  private final Map<String, Caller> callers = new HashMap<>();
  private final Map<String, Visit> firstVisits = new HashMap<>();
  private String release;
  private String imageBefore;
  private String publishedImage;
  private String rejectedImage;
  private ManifestProblem problem;
  private int releasesPublished;

  public ReleaseJourney(ScenarioWorld world, IngressJourney ingress, SliceProvisioner provisioner) {
    this.world = world;
    this.ingress = ingress;
    this.provisioner = provisioner;
  }

  /** The user signs in and opens the base domain; remembers the release of {@code name} they landed on. */
  public Visit agentRunning(String user, String name) {
    release = name;
    imageBefore = currentImage(name);
    Visit v = visit(user, callers.computeIfAbsent(user, ingress::signedInBrowser));
    firstVisits.put(user, v);
    return v;
  }

  /** A valid release of the image, naming a new image the registry has: "the new release" from now on. */
  public void publishNewRelease(String name) {
    release = name;
    publishedImage = nextImage();
    publish(name, NfsLayout.renderImageRecord(record(publishedImage)), null, publishedImage);
  }

  /**
   * A release whose manifest has {@code what} wrong with it: "the rejected release" from now on,
   * also after a valid release follows it (which names another image, so the two can be told apart).
   */
  public void publishMalformedRelease(String name, ManifestProblem what) {
    release = name;
    rejectedImage = what.image(nextImage(), world.slice().runId());
    problem = what;
    publish(name, what.manifest(record(rejectedImage), world.contract()), what, rejectedImage);
  }

  /** Where the user landed on their last visit (opened by any step), and the image of that Machine. */
  public Visit lastVisitOf(String user) {
    Caller last = ingress.lastCaller().orElseThrow(() -> new IllegalStateException("nobody has opened the base domain yet"));
    if (!last.name().startsWith(user + "'s ")) {
      throw new IllegalStateException("the last visit was by " + last.name() + ", not by " + user);
    }
    return landed(user);
  }

  /** The user opens the base domain again, with the same session as the first time. */
  public Visit revisit(String user) {
    Caller caller = callers.get(user);
    if (caller == null) throw new IllegalStateException(user + " has not been signed in by this scenario");
    return visit(user, caller);
  }

  public Visit firstVisit(String user) {
    return Optional.ofNullable(firstVisits.get(user)).orElseThrow(() -> new IllegalStateException(user + " has not visited yet"));
  }

  public String imageBefore() { return imageBefore; }
  public String publishedImage() {
    return Optional.ofNullable(publishedImage).orElseThrow(() -> new IllegalStateException("no valid release was published"));
  }

  public String rejectedImage() {
    return Optional.ofNullable(rejectedImage).orElseThrow(() -> new IllegalStateException("no malformed release was published"));
  }

  public Optional<ManifestProblem> problem() { return Optional.ofNullable(problem); }

  /** The manifest's file as exec should name it, and what its rejection must name. */
  public String manifestFile() {
    return ReleaseContract.manifestFile(world.contract(), release);
  }

  public Pattern rejection() {
    ManifestProblem p = problem().orElseThrow(() -> new IllegalStateException("no malformed release was published"));
    return ReleaseContract.rejectedLog(world.contract(), manifestFile(), world.contract().value(p.named()));
  }

  public List<String> execLog() {
    List<String> lines = world.fly().logs(world.slice().execApp(), null, 200).stream().map(LogLine::message).toList();
    world.evidence().text("exec-log-excerpt.txt", String.join("\n", lines));
    return lines;
  }

  /** Every worker Machine Fly lists, in any state (a Machine created from a release and gone again counts). */
  public List<MachineInfo> workerMachines() {
    return ingress.workerMachines("after");
  }

  private Visit visit(String user, Caller caller) {
    ingress.openBaseDomain(caller);
    return landed(user);
  }

  private Visit landed(String user) {
    IngressJourney.Landing landing = ingress.landing();
    if (landing.machineId().isBlank()) throw new AssertionError(user + "'s agent " + landing.agent() + " has no running instance");
    MachineInfo m = world.fly().machine(world.slice().workerPoolApp(), landing.machineId());
    world.evidence().json("worker-machine-of-" + user + ".json", m.raw());
    return new Visit(user, landing.agent(), m.id(), m.image(), m.started());
  }

  private void publish(String name, String text, ManifestProblem problem, String image) {
    NfsPort nfs = world.nfs();
    Optional<String> prior = nfs.imageRecordText(name);
    String file = NfsLayout.imageRecord(name);
    world.cleanup().register("put back the release manifest " + file, () -> prior.ifPresentOrElse(
        t -> nfs.publishImageRecordText(name, t), () -> nfs.removeImageRecord(name)));
    world.manifest().mutation("published a release manifest at " + file + (problem == null ? "" : " with " + problem)
        + " naming " + image + " (" + (prior.isPresent() ? "the prior one is put back" : "removed") + " at teardown)");
    world.evidence().text("release-manifest-published.json", text);
    nfs.publishImageRecordText(name, text);
  }

  private String currentImage(String name) {
    String text = world.nfs().imageRecordText(name).orElseThrow(() -> new IllegalStateException(
        "no release manifest " + NfsLayout.imageRecord(name) + " on the volume (" + ReleaseContract.MANIFEST_FILE.source() + ")"));
    world.evidence().text("release-manifest-before.json", text);
    return Json.tree(text).path("image").asText();
  }

  private Map<String, Object> record(String image) {
    Map<String, Object> r = new LinkedHashMap<>(provisioner.blueprint().agentImageRecord());
    r.put("image", image);
    return r;
  }

  /**
   * The image the n-th release of a scenario names, each one another: the n-th of the comma-separated
   * {@code release.next-image} from the profile (on Fly, images the org's registry has), else a
   * deploy tag of the agent image that only the embedded registry answers to.
   */
  private String nextImage() {
    int n = ++releasesPublished;
    String agent = provisioner.blueprint().agentImage();
    return world.profile().optional("release.next-image").map(list -> {
      String[] images = list.split("\\s*,\\s*");
      if (n > images.length) {
        throw new IllegalStateException("release.next-image names " + images.length + " image(s) but the scenario publishes release number " + n
            + "; list one image per release, comma-separated");
      }
      return images[n - 1];
    }).orElse(agent.replaceFirst(":[^:/]*$", "") + ":deployment-" + world.slice().runId() + (n == 1 ? "" : "r" + n));
  }
}
