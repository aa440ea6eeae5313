package io.artifact.flyemu.fly;

/**
 * A parsed image reference such as {@code registry.fly.io/fly-router:defect-skip-auth}. The
 * repository's last segment names the behaviour; the tag can select a defective variant.
 */
public record ImageRef(String raw, String registry, String repository, String tag) {

  public static ImageRef parse(String raw) {
    if (raw == null || raw.isBlank()) throw PlatformException.invalid("invalid_argument: config.image is required");
    String rest = raw.trim();
    String digestless = rest.contains("@") ? rest.substring(0, rest.indexOf('@')) : rest;
    int slash = digestless.indexOf('/');
    String registry = slash > 0 && digestless.substring(0, slash).contains(".") ? digestless.substring(0, slash) : "docker.io";
    String path = registry.equals("docker.io") && !digestless.startsWith("docker.io/") ? digestless : digestless.substring(slash + 1);
    int colon = path.lastIndexOf(':');
    String repo = colon > 0 ? path.substring(0, colon) : path;
    String tag = colon > 0 ? path.substring(colon + 1) : "latest";
    return new ImageRef(rest, registry, repo, tag);
  }

  /** The digest the embedded registry gives this reference: one value for the Machines API, flyctl output and MCP manifests. */
  public String digest() {
    return "sha256:" + Ids.sha256(raw);
  }

  /** The last path segment of the repository: {@code fly-router}, {@code host-coder}, … */
  public String name() {
    int i = repository.lastIndexOf('/');
    return i < 0 ? repository : repository.substring(i + 1);
  }
}
