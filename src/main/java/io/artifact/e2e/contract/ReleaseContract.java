package io.artifact.e2e.contract;

import java.util.regex.Pattern;

/**
 * AGENT-030's expectations (agent releases), kept beside {@link Contract} and read through it, so a
 * profile overrides them the same way ({@code contract.<key>=…}). The real stack has no such
 * behaviour yet (stack-contract.md §8 G16–G18): these are the DOC promises the suite specifies.
 */
public final class ReleaseContract {

  /**
   * Where a release step publishes an agent image's manifest, relative to the share: the docs'
   * {@code computers/images/*.json} (stack-contract.md §5 DOC, §8 G16), the share being
   * {@code /data/computers} (§1.1). {@code {name}} is the image's name, e.g. {@code host-coder}.
   */
  public static final Observable MANIFEST_FILE = new Observable("release.manifest-file", "images/{name}.json",
      "stack-contract.md §5 DOC and §8 G16: computers/images/*.json; §1.1 share /data/computers");

  /**
   * Exec's log line when it rejects a manifest: names the file and then what is wrong in it
   * ({@code {file}}, {@code {field}} are filled in literally). E2E.md AGENT-030 unhappy: "exec
   * should reject and log parse error"; the file and field are what ops need to fix it.
   */
  public static final Observable REJECTED_LOG = new Observable("exec.release-rejected-log",
      "(?i)release manifest\\b.*{file}.*\\brejected\\b.*{field}", "E2E.md AGENT-030 unhappy path; stack-contract.md §5 DOC, §8 G17");

  /** What exec names for a manifest that is not JSON at all: E2E.md AGENT-030, "log parse error". */
  public static final Observable PARSE_ERROR = new Observable("release.parse-error", "parse error", "E2E.md AGENT-030 unhappy path");

  /** The image record's fields (stack-contract.md §1.4, zod imageRecordSchema). */
  public static final Observable FIELD_IMAGE = new Observable("release.field-image", "image", "stack-contract.md §1.4");
  public static final Observable FIELD_MEMORY = new Observable("release.field-memory", "memory_mb", "stack-contract.md §1.4");

  private ReleaseContract() {}

  public static String manifestFile(Contract contract, String name) {
    return contract.value(MANIFEST_FILE).replace("{name}", name);
  }

  /** The rejection line for {@code file} naming {@code field}, as this target words it. */
  public static Pattern rejectedLog(Contract contract, String file, String field) {
    return Pattern.compile(contract.value(REJECTED_LOG).replace("{file}", Pattern.quote(file)).replace("{field}", Pattern.quote(field)));
  }
}
