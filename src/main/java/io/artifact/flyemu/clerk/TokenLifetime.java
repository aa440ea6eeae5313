package io.artifact.flyemu.clerk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How long a session token the Backend API mints ({@code POST /v1/sessions/{id}/tokens}) lives:
 * DOC honours the caller's {@code expires_in_seconds}, else the instance's TTL. The instance's
 * variants ({@code stack.clerk.defect=NAME}) are named here, in one place.
 */
@FunctionalInterface
public interface TokenLifetime {

  Duration of(JsonNode requestBody, Duration instanceTtl);

  TokenLifetime DOC = (body, ttl) -> body.path("expires_in_seconds").isNumber() ? Duration.ofSeconds(body.path("expires_in_seconds").asLong()) : ttl;

  /** The requested lifetime is ignored: a short-lived session outlives the visit it was meant to end. */
  TokenLifetime IGNORES_REQUESTED = (body, ttl) -> ttl;

  Map<String, TokenLifetime> VARIANTS = Map.of("ignores-requested-lifetime", IGNORES_REQUESTED);

  /** {@code none} (or nothing) is DOC; an unknown name fails, naming the known ones. */
  static TokenLifetime named(String name) {
    if (name == null || name.isBlank() || name.trim().equals("none")) return DOC;
    TokenLifetime v = VARIANTS.get(name.trim());
    if (v == null) throw new IllegalArgumentException("unknown clerk.defect '" + name + "'; known: " + String.join(", ", new TreeSet<>(VARIANTS.keySet())));
    return v;
  }

  static Set<String> names() {
    return new TreeSet<>(VARIANTS.keySet());
  }
}
