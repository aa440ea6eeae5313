package io.artifact.flyemu.router;

import com.nimbusds.jwt.JWTParser;
import io.artifact.flyemu.http.HttpRequest;
import java.text.ParseException;
import java.util.Locale;
import java.util.Optional;

/** What the defective variants trust instead of Clerk: the session token's subject, unverified. */
final class Unverified {

  private Unverified() {}

  static Optional<String> subject(HttpRequest r) {
    Optional<String> token = r.header("authorization").filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(h -> h.substring(7).trim()).or(() -> r.cookie("__session"));
    try {
      return token.isEmpty() ? Optional.empty()
          : Optional.ofNullable(JWTParser.parse(token.get()).getJWTClaimsSet().getSubject()).map(s -> s.toLowerCase(Locale.ROOT));
    } catch (ParseException e) {
      return Optional.empty();
    }
  }
}
