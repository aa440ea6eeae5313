package io.artifact.flyemu.fly;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The one place an image maps its variant tags to strategies: every version tag runs the DOC
 * strategy, a variant tag ({@code impl}, {@code defect-*}) the strategy registered for it. The
 * image's own code reads only the strategy it was given, so the DOC code does not spell out every
 * way to break it, and {@link #tags()} is what the registry lets a Machine pull.
 */
public final class Variants<S> {

  private final S doc;
  private final Map<String, S> byTag = new LinkedHashMap<>();

  private Variants(S doc) {
    this.doc = doc;
  }

  /** The documented behaviour, for {@code latest}, {@code doc} and every version tag. */
  public static <S> Variants<S> doc(S doc) {
    return new Variants<>(doc);
  }

  public Variants<S> variant(String tag, S strategy) {
    if (byTag.putIfAbsent(tag, strategy) != null) throw new IllegalArgumentException("variant tag registered twice: " + tag);
    return this;
  }

  /** The strategy of {@code ref}'s tag (the registry has already refused a tag nobody registered). */
  public S of(ImageRef ref) {
    return byTag.getOrDefault(ref.tag(), doc);
  }

  public Set<String> tags() {
    return Collections.unmodifiableSet(byTag.keySet());
  }

  /**
   * One hook of several variants composed ({@code impl} is a few defects at once): {@code doc} decorated by
   * each of {@code parts} in order, each handed what the one before returned.
   */
  public static <P, T> T fold(List<P> parts, T doc, BiFunction<P, T, T> hook) {
    T t = doc;
    for (P p : parts) t = hook.apply(p, t);
    return t;
  }
}
