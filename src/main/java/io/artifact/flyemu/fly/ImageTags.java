package io.artifact.flyemu.fly;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The tags one image behaviour answers to. Every behaviour accepts ordinary version tags:
 * {@code latest}, {@code doc} (the documented behaviour), semver-like versions ({@code 7},
 * {@code 2.4}, {@code v1.2.3-rc.1}) and Fly's deploy tags ({@code deployment-01H…}). A
 * variant tag ({@code impl}, {@code defect-*}) exists only if the behaviour implements that variant
 * ({@link Variants}), so a typo in a defect tag fails the create instead of silently running the
 * healthy image. Anything else is unknown.
 */
public record ImageTags(Set<String> defects) {

  static final String DEFECT_PREFIX = "defect-";
  /** The variant that behaves as today's real implementation (stack-contract.md §8, IMPL column). */
  public static final String IMPL = "impl";
  private static final Pattern VERSION =
      Pattern.compile("latest|doc|deployment-[0-9A-Za-z]+|v?\\d+(\\.\\d+)*([-+][0-9A-Za-z.-]+)?");

  public ImageTags {
    defects = Set.copyOf(defects);
    for (String d : defects) {
      if (!d.startsWith(DEFECT_PREFIX) && !d.equals(IMPL)) {
        throw new IllegalArgumentException("a variant tag is " + IMPL + " or starts with " + DEFECT_PREFIX + ": " + d);
      }
    }
  }

  public static ImageTags withDefects(Set<String> defects) {
    return new ImageTags(defects);
  }

  public boolean knows(String tag) {
    return defects.contains(tag) || !tag.startsWith(DEFECT_PREFIX) && VERSION.matcher(tag).matches();
  }

  /** For error messages: what a caller could have written instead. */
  String describe() {
    TreeSet<String> d = new TreeSet<>(defects);
    return "latest, doc, <version>, deployment-<id>" + (d.isEmpty() ? "" : ", " + String.join(", ", d));
  }
}
