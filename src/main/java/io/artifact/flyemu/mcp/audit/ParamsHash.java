package io.artifact.flyemu.mcp.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The audit's {@code params_hash}: SHA-256 over the arguments as canonical JSON (keys sorted),
 * with secret-bearing arguments left out so the audit cannot be used to guess a value.
 */
public final class ParamsHash {

  private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private ParamsHash() {}

  public static String of(Map<String, Object> args, Set<String> secretArgs) {
    Map<String, Object> kept = new TreeMap<>(args == null ? Map.of() : args);
    kept.keySet().removeAll(secretArgs);
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(kept));
      return "sha256:" + HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot hash tool parameters", e);
    }
  }
}
