package io.artifact.flyemu.fly;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Which behaviour an image reference runs, how long it takes to boot, and which references exist
 * at all. Resolution is strict, as a registry's is: a name nobody registered, or a tag its
 * behaviour does not answer to ({@link ImageTags}), cannot be pulled, and the Machines API refuses
 * the create or update instead of running some default.
 */
public final class ImageRegistry {

  private record Behaviour(ImageTags tags, Function<ImageRef, MachineProgram> program) {}

  private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
  private final Map<String, Duration> bootDelays = new ConcurrentHashMap<>();
  private volatile Duration defaultBootDelay = Duration.ZERO;
  private volatile Function<ImageRef, MachineProgram> external;

  /** Registers a behaviour that answers to ordinary version tags only. */
  public ImageRegistry register(String imageName, Function<ImageRef, MachineProgram> behaviour) {
    return register(imageName, Set.of(), behaviour);
  }

  /** Registers a behaviour under an image name (the repository's last segment) with the defect tags it implements. */
  public ImageRegistry register(String imageName, Set<String> defectTags, Function<ImageRef, MachineProgram> behaviour) {
    behaviours.put(imageName, new Behaviour(ImageTags.withDefects(defectTags), behaviour));
    return this;
  }

  /** The behaviour of {@code external+http(s)://host:port} references; without one they do not resolve. */
  public ImageRegistry external(Function<ImageRef, MachineProgram> behaviour) {
    this.external = behaviour;
    return this;
  }

  public ImageRegistry bootDelay(String imageName, Duration delay) {
    bootDelays.put(imageName, delay);
    return this;
  }

  public ImageRegistry defaultBootDelay(Duration delay) {
    this.defaultBootDelay = delay;
    return this;
  }

  public Duration bootDelayOf(ImageRef ref) {
    return bootDelays.getOrDefault(ref.name(), defaultBootDelay);
  }

  public boolean knows(ImageRef ref) {
    return pullError(ref).isEmpty();
  }

  /**
   * Why {@code ref} cannot be pulled, or empty if it can. The text is the registry's OCI
   * distribution error (NAME_UNKNOWN / MANIFEST_UNKNOWN, as Fly's runtime relayed it for a
   * missing tag in superfly/flyctl#38); the parenthesis after it is the emulator's own hint.
   */
  public Optional<String> pullError(ImageRef ref) {
    String prefix = "unable to resolve image " + ref.raw() + ": ";
    if (ref.isExternal()) {
      if (external == null) return Optional.of(prefix + "NAME_UNKNOWN: external images are not enabled on this platform");
      return ref.externalUrl().isPresent() ? Optional.empty()
          : Optional.of(prefix + "invalid reference: use external+http://<host>:<port> or external+https://<host>:<port>");
    }
    Behaviour b = behaviours.get(ref.name());
    if (b == null) {
      return Optional.of(prefix + "NAME_UNKNOWN: repository name not known to registry (known images: "
          + String.join(", ", names()) + ")");
    }
    if (!b.tags().knows(ref.tag())) {
      return Optional.of(prefix + "MANIFEST_UNKNOWN: manifest unknown (tags of " + ref.name() + ": " + b.tags().describe() + ")");
    }
    return Optional.empty();
  }

  public MachineProgram programFor(ImageRef ref) {
    pullError(ref).ifPresent(e -> {
      throw PlatformException.unprocessable(e);
    });
    return ref.isExternal() ? external.apply(ref) : behaviours.get(ref.name()).program().apply(ref);
  }

  public Set<String> names() {
    return new TreeSet<>(behaviours.keySet());
  }
}
