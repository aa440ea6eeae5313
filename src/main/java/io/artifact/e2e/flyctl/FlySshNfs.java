package io.artifact.e2e.flyctl;

import io.artifact.e2e.nfs.InstanceFile;
import io.artifact.e2e.nfs.NfsLayout;
import io.artifact.e2e.nfs.NfsPort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@link NfsPort} on a real org's shared volume, one {@code fly ssh console -C} call per operation
 * (fly-facts.md §11). ROOT is {@code /data/computers} on the NFS app's Machine or {@code
 * /mnt/computers} on a router or exec Machine (stack-contract.md §1.1).
 *
 * <p>hallpass runs {@code -C} without a shell (flyctl issues #1220, #1442), so every command is
 * {@code sh -c '<script>'}; ids are checked against the stack's id rule and ROOT against a plain
 * path, so the script needs no further quoting. Writes are not {@code fly ssh sftp put}: put
 * refuses to replace an existing remote file (flyctl {@code sftp.go}), so an atomic replace would
 * take a second call to {@code mv}, and a tunnel costs seconds. Instead the content travels base64
 * in the command and the script writes a temp sibling and renames it over the target, so exec never
 * reads half a file.
 */
public final class FlySshNfs implements NfsPort {

  public static final String NFS_SERVER_ROOT = "/data/computers";
  public static final String CLIENT_ROOT = "/mnt/computers";

  private static final Pattern PLAIN_PATH = Pattern.compile("(/[A-Za-z0-9_.-]+)+");
  /** Printed instead of a file's content when it does not exist; never valid JSON, nor base64. */
  private static final String ABSENT = "--no-such-file--";
  private static final String REMOVED = "--removed--";
  /** Prefixes a file's content sent base64, so that an empty file is told from no answer. */
  private static final String B64 = "b64:";

  private final Flyctl fly;
  private final List<String> target;
  private final String root;
  private final Duration timeout;

  /** {@code machine} may be null: flyctl then picks the app's first started Machine. */
  public FlySshNfs(Flyctl fly, String app, String machine, String root, Duration timeout) {
    if (!PLAIN_PATH.matcher(root).matches() || Arrays.asList(root.split("/")).contains("..")) {
      throw new IllegalArgumentException("NFS root '" + root + "' must be a plain absolute path such as "
          + NFS_SERVER_ROOT + " or " + CLIENT_ROOT);
    }
    this.fly = fly;
    this.target = machine == null ? List.of("-a", app) : List.of("-a", app, "--machine", machine);
    this.root = root;
    this.timeout = timeout;
  }

  @Override
  public void publishImageRecord(String name, Map<String, Object> record) {
    sh(write(NfsLayout.imageRecord(NfsLayout.requireId("image", name)), NfsLayout.renderImageRecord(record)));
  }

  /** Read as base64, so the text comes back byte for byte (no PTY {@code \r}, no newline added or lost). */
  @Override
  public Optional<String> imageRecordText(String name) {
    String rel = NfsLayout.imageRecord(NfsLayout.requireId("image", name));
    String file = path(rel);
    String out = sh("if b=$(base64 " + file + "); then printf " + B64 + "%s \"$b\" | tr -d \"\\n\"; "
        + "elif test ! -e " + file + "; then echo " + ABSENT + "; else exit 1; fi").strip();
    if (out.equals(ABSENT)) return Optional.empty();
    if (!out.startsWith(B64)) throw new IllegalStateException(rel + " under " + root + " could not be read: " + snippet(out));
    try {
      return Optional.of(new String(Base64.getMimeDecoder().decode(out.substring(B64.length())), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(rel + " under " + root + " did not come back as base64: " + snippet(out), e);
    }
  }

  @Override
  public void publishImageRecordText(String name, String text) {
    sh(write(NfsLayout.imageRecord(NfsLayout.requireId("image", name)), text));
  }

  @Override
  public void removeImageRecord(String name) {
    sh("rm -f -- " + path(NfsLayout.imageRecord(NfsLayout.requireId("image", name))));
  }

  @Override
  public void createComputer(String computer) {
    NfsLayout.requireId("computer", computer);
    sh("mkdir -p --" + paths(NfsLayout.computerDirs(computer)));
  }

  @Override
  public void createAgent(String computer, String agent) {
    String dir = NfsLayout.agentDir(NfsLayout.requireId("computer", computer), NfsLayout.requireId("agent", agent));
    sh("mkdir -p --" + paths(NfsLayout.AGENT_DIRS.stream().map(d -> dir + "/" + d).toList()) + " && "
        + write(NfsLayout.agentToml(computer, agent), NfsLayout.agentTomlContent(agent)));
  }

  @Override
  public List<String> computers() {
    return entries("").stream().filter(e -> e.endsWith("/")).map(e -> e.substring(0, e.length() - 1))
        .filter(NfsLayout::isComputerName).toList();
  }

  @Override
  public List<String> instances(String computer) {
    return entries(NfsLayout.execDir(NfsLayout.requireId("computer", computer))).stream()
        .filter(NfsLayout::isInstanceFileName).map(NfsLayout::agentOf).toList();
  }

  @Override
  public Optional<InstanceFile> readInstance(String computer, String agent) {
    String rel = NfsLayout.instanceFile(NfsLayout.requireId("computer", computer), NfsLayout.requireId("agent", agent));
    String file = path(rel);
    // cat, and only when that fails because the file is gone, say so: no race with exec deleting it
    String out = sh("cat -- " + file + " || { test ! -e " + file + " && echo " + ABSENT + "; }");
    if (out.strip().equals(ABSENT)) return Optional.empty();
    try {
      return Optional.of(NfsLayout.parseInstance(out));
    } catch (IOException e) {
      throw new IllegalStateException(rel + " under " + root + " is not an instance file (stack-contract.md §1.3): "
          + snippet(out), e);
    }
  }

  @Override
  public void writeInstance(String computer, String agent, InstanceFile instance) {
    String rel = NfsLayout.instanceFile(NfsLayout.requireId("computer", computer), NfsLayout.requireId("agent", agent));
    sh(write(rel, NfsLayout.renderInstance(instance)));
  }

  @Override
  public void removeComputer(String computer) {
    // the id rule admits no '/', '.', or space: the path is ROOT/<one name> and nothing else
    sh("rm -rf -- " + path(NfsLayout.requireId("computer", computer)));
  }

  @Override
  public Optional<String> readInstanceText(String computer, String agent) {
    String file = path(NfsLayout.instanceFile(NfsLayout.requireId("computer", computer), NfsLayout.requireId("agent", agent)));
    String out = sh("cat -- " + file + " || { test ! -e " + file + " && echo " + ABSENT + "; }");
    return out.strip().equals(ABSENT) ? Optional.empty() : Optional.of(out);
  }

  @Override
  public void writeInstanceText(String computer, String agent, String content) {
    sh(write(NfsLayout.instanceFile(NfsLayout.requireId("computer", computer), NfsLayout.requireId("agent", agent)), content));
  }

  @Override
  public boolean removeInstance(String computer, String agent) {
    String file = path(NfsLayout.instanceFile(NfsLayout.requireId("computer", computer), NfsLayout.requireId("agent", agent)));
    // says whether there was one, so the fault record can tell "removed" from "was not there"
    return sh("if test -e " + file + "; then rm -f -- " + file + " && echo " + REMOVED + "; fi").strip().equals(REMOVED);
  }

  /** Names in a directory, one a line, directories marked with a trailing {@code /}; none if it is missing. */
  private List<String> entries(String rel) {
    String dir = rel.isEmpty() ? root : path(rel);
    List<String> names = new ArrayList<>();
    for (String line : sh("test ! -d " + dir + " || ls -1p -- " + dir).split("\\R")) {
      String name = line.strip(); // a PTY would add \r
      if (!name.isEmpty() && !name.startsWith(".")) names.add(name);
    }
    return names;
  }

  /** Script that replaces {@code rel} atomically: temp sibling (unique per shell), then rename. */
  private String write(String rel, String content) {
    String file = path(rel);
    String dir = file.substring(0, file.lastIndexOf('/'));
    String tmp = dir + "/" + NfsLayout.tempName(file.substring(file.lastIndexOf('/') + 1)) + ".$$";
    String b64 = Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8));
    return "mkdir -p -- " + dir + " && printf %s " + b64 + " | base64 -d > " + tmp
        + " && mv -f -- " + tmp + " " + file + " || { rm -f -- " + tmp + "; exit 1; }";
  }

  private String sh(String script) {
    // ids, ROOT and base64 are all quote-free, so one pair of single quotes is the whole quoting
    if (script.indexOf('\'') >= 0) throw new IllegalStateException("remote script must not contain a single quote");
    List<String> args = new ArrayList<>(List.of("ssh", "console"));
    args.addAll(target);
    args.addAll(List.of("-q", "-C", "sh -c '" + script + "'"));
    return fly.run(timeout, args).stdout();
  }

  private String path(String rel) {
    return root + "/" + rel;
  }

  private String paths(List<String> rels) {
    StringBuilder sb = new StringBuilder();
    rels.forEach(r -> sb.append(' ').append(path(r)));
    return sb.toString();
  }

  private static String snippet(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?");
    return oneLine.isEmpty() ? "(empty)" : oneLine.length() > 120 ? oneLine.substring(0, 120) + "…" : oneLine;
  }
}
