package io.artifact.e2e.clerk;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Removes credentials from text before it leaves the adapter (transcripts, exception messages):
 * the literal secrets it was given, any JWT, any Clerk secret key and any bearer credential.
 */
public final class Redaction implements UnaryOperator<String> {

  public static final String MARK = "«redacted»";

  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
  private static final Pattern CLERK_SECRET = Pattern.compile("sk_(?:test|live)_[A-Za-z0-9]+");
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)(?!«redacted»)[^\\s\"',;]+");

  private final List<String> literals;

  public Redaction(Collection<String> literalSecrets) {
    this.literals = literalSecrets.stream().filter(Objects::nonNull).filter(s -> s.length() >= 4).toList();
  }

  @Override
  public String apply(String text) {
    if (text == null) return null;
    String out = text;
    for (String secret : literals) out = out.replace(secret, MARK);
    out = JWT.matcher(out).replaceAll(MARK);
    out = CLERK_SECRET.matcher(out).replaceAll(MARK);
    return BEARER.matcher(out).replaceAll("$1" + MARK);
  }
}
