package io.artifact.flyemu.fly;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Which behaviour an image name runs, and how long it takes to boot. */
public final class ImageRegistry {

  private final Map<String, Function<ImageRef, MachineProgram>> behaviours = new ConcurrentHashMap<>();
  private final Map<String, Duration> bootDelays = new ConcurrentHashMap<>();
  private volatile Duration defaultBootDelay = Duration.ZERO;

  /** Registers a behaviour under an image name (the repository's last segment). */
  public ImageRegistry register(String imageName, Function<ImageRef, MachineProgram> behaviour) {
    behaviours.put(imageName, behaviour);
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
    return behaviours.containsKey(ref.name());
  }

  public MachineProgram programFor(ImageRef ref) {
    Function<ImageRef, MachineProgram> b = behaviours.get(ref.name());
    if (b == null) {
      throw PlatformException.unprocessable("failed to resolve image '" + ref.raw() + "': manifest unknown (known images: "
          + String.join(", ", new TreeSet<>(behaviours.keySet())) + ")");
    }
    return b.apply(ref);
  }

  public Set<String> names() {
    return new TreeSet<>(behaviours.keySet());
  }
}
