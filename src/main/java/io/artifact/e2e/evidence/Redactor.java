package io.artifact.e2e.evidence;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Removes secrets from anything before it is recorded: values the run knows are secret (tokens,
 * keys, passwords from environment variables) and shapes that are always secret (bearer
 * credentials, JWTs, Clerk keys, Fly macaroons). Applied at capture time, so reports, logs and
 * archives never see the original.
 */
public final class Redactor {

  public static final String MASK = "«redacted»";

  /**
   * A secret's shape, and the lower-case words without which the text cannot hold one: evidence is
   * mostly Machine JSON and transcripts with none of them, and five regex scans of every attachment
   * were the suite's largest own CPU cost in a JFR profile.
   */
  private record Shape(Pattern pattern, String replacement, List<String> words) {

    boolean mayOccurIn(String lowerCase) {
      return words.stream().anyMatch(lowerCase::contains);
    }
  }

  private static final List<Shape> SHAPES = List.of(
      new Shape(Pattern.compile("(?i)(authorization\"?\\s*[:=]\\s*\"?)(bearer|flyv1)\\s+[^\\s\"]+"), "$1$2 " + MASK, List.of("authorization")),
      new Shape(Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]+"), MASK, List.of("eyj")),
      new Shape(Pattern.compile("\\b(sk|pk)_(test|live)_[A-Za-z0-9=+/]{6,}"), MASK, List.of("_test_", "_live_")),
      new Shape(Pattern.compile("\\bfm[12][ar]?_[A-Za-z0-9_+/=-]{8,}"), MASK, List.of("fm1", "fm2")),
      new Shape(Pattern.compile("(?i)(__session=)[^;\\s]+"), "$1" + MASK, List.of("__session=")));

  private final Set<String> known = ConcurrentHashMap.newKeySet();

  /** Registers a secret value; short values (under 6 chars) are ignored to avoid masking noise. */
  public void secret(String value) {
    if (value != null && value.length() >= 6) known.add(value);
  }

  public String redact(String text) {
    if (text == null) return null;
    String out = text;
    for (String s : known.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
      out = out.replace(s, MASK);
    }
    String lowerCase = out.toLowerCase(Locale.ROOT);
    for (Shape shape : SHAPES) {
      if (shape.mayOccurIn(lowerCase)) out = shape.pattern().matcher(out).replaceAll(shape.replacement());
    }
    return out;
  }
}
