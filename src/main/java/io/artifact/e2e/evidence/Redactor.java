package io.artifact.e2e.evidence;

import java.util.Comparator;
import java.util.List;
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

  private record Shape(Pattern pattern, String replacement) {}

  private static final List<Shape> SHAPES = List.of(
      new Shape(Pattern.compile("(?i)(authorization\\s*[:=]\\s*\"?)(bearer|flyv1)\\s+[^\\s\"]+"), "$1$2 " + MASK),
      new Shape(Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]+"), MASK),
      new Shape(Pattern.compile("\\b(sk|pk)_(test|live)_[A-Za-z0-9=+/]{6,}"), MASK),
      new Shape(Pattern.compile("\\bfm[12][ar]?_[A-Za-z0-9_+/=-]{8,}"), MASK),
      new Shape(Pattern.compile("(?i)(__session=)[^;\\s]+"), "$1" + MASK));

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
    for (Shape shape : SHAPES) out = shape.pattern().matcher(out).replaceAll(shape.replacement());
    return out;
  }
}
