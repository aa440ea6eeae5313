package io.artifact.e2e.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

/** JSON compared as JSON (key order and whitespace are not part of any contract). */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** The parsed tree, or the text itself when it is not JSON (so a mismatch shows what came). */
  public static JsonNode tree(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (Exception e) {
      return TextNode.valueOf(text);
    }
  }
}
