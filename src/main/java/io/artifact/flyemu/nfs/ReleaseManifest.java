package io.artifact.flyemu.nfs;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A release manifest's content judged against the image record schema (stack-contract.md §1.4),
 * naming the field each problem is in, so that a reader can say which file and which field it
 * rejected (E2E.md AGENT-030: "exec should reject and log parse error"). Unknown keys are ignored,
 * as the zod schema strips them. Unlike zod, a size of zero or less is refused: no Machine runs on it.
 */
public final class ReleaseManifest {

  /** What content that is not a JSON object is rejected as. */
  public static final String PARSE_ERROR = "parse error";

  /** One thing wrong, in one field (or {@link #PARSE_ERROR}). */
  public record Problem(String field, String reason) {
    @Override
    public String toString() {
      return field + ": " + reason;
    }
  }

  /** The record, or what is wrong with the manifest. */
  public record Verdict(ImageRecord record, List<Problem> problems) {
    public boolean ok() {
      return record != null;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReleaseManifest() {}

  public static Verdict judge(byte[] content) {
    JsonNode node;
    try {
      node = JSON.readTree(content);
    } catch (JsonProcessingException e) {
      return rejected(List.of(new Problem(PARSE_ERROR, parseReason(e))));
    } catch (IOException e) {
      return rejected(List.of(new Problem(PARSE_ERROR, e.getMessage())));
    }
    if (node == null || node.isMissingNode() || !node.isObject()) {
      return rejected(List.of(new Problem(PARSE_ERROR, "not a JSON object")));
    }
    List<Problem> problems = new ArrayList<>();
    JsonNode image = node.get("image");
    if (absent(image)) problems.add(new Problem("image", "required"));
    else if (!image.isTextual() || image.asText().isBlank()) problems.add(new Problem("image", "must be an image reference, got " + image));
    JsonNode kind = node.get("cpu_kind");
    if (absent(kind)) problems.add(new Problem("cpu_kind", "required"));
    else if (!kind.isTextual() || !(kind.asText().equals("shared") || kind.asText().equals("dedicated"))) {
      problems.add(new Problem("cpu_kind", "must be shared or dedicated, got " + kind));
    }
    positive(node, "cpus", 1, problems);
    positive(node, "memory_mb", 256, problems);
    if (!problems.isEmpty()) return rejected(problems);
    return new Verdict(new ImageRecord(image.asText(), kind.asText(), node.get("cpus").intValue(), node.get("memory_mb").intValue()),
        List.of());
  }

  private static void positive(JsonNode node, String field, int multipleOf, List<Problem> problems) {
    JsonNode v = node.get(field);
    if (absent(v)) {
      problems.add(new Problem(field, "required"));
    } else if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() <= 0 || v.intValue() % multipleOf != 0) {
      problems.add(new Problem(field, (multipleOf == 1 ? "must be a positive integer" : "must be a positive multiple of " + multipleOf)
          + ", got " + v));
    }
  }

  private static boolean absent(JsonNode v) {
    return v == null || v.isNull();
  }

  private static String parseReason(JsonProcessingException e) {
    String msg = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().lines().findFirst().orElse("");
    JsonLocation at = e.getLocation();
    return at == null ? msg : msg + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  private static Verdict rejected(List<Problem> problems) {
    return new Verdict(null, List.copyOf(problems));
  }
}
