package io.artifact.flyemu.fly;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The tags one image behaviour answers to. Every behaviour accepts ordinary version tags:
 * {@code latest}, {@code doc} (the documented behaviour), semver-like versions ({@code 7},
 * {@code 2.4}, {@code v1.2.3-rc.1}) and Fly's deploy tags ({@code deployment-01H…}). A
 * {@code defect-*} tag exists only if the behaviour implements that defect, so a typo in a defect
 * tag fails the create instead of silently running the healthy image. Anything else is unknown.
 */
public record ImageTags(Set<String> defects) {

  static final String DEFECT_PREFIX = "defect-";
  private static final Pattern VERSION =
      Pattern.compile("latest|doc|deployment-[0-9A-Za-z]+|v?\\d+(\\.\\d+)*([-+][0-9A-Za-z.-]+)?");

  public ImageTags {
    defects = Set.copyOf(defects);
    for (String d : defects) {
      if (!d.startsWith(DEFECT_PREFIX)) throw new IllegalArgumentException("a defect tag starts with " + DEFECT_PREFIX + ": " + d);
    }
  }

  public static ImageTags withDefects(Set<String> defects) {
    return new ImageTags(defects);
  }

  public boolean knows(String tag) {
    return tag.startsWith(DEFECT_PREFIX) ? defects.contains(tag) : VERSION.matcher(tag).matches();
  }

  /** For error messages: what a caller could have written instead. */
  String describe() {
    TreeSet<String> d = new TreeSet<>(defects);
    return "latest, doc, <version>, deployment-<id>" + (d.isEmpty() ? "" : ", " + String.join(", ", d));
  }
}
