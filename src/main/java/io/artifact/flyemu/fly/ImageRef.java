package io.artifact.flyemu.fly;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * A parsed image reference such as {@code registry.fly.io/fly-router:defect-skip-auth}. The
 * repository's last segment names the behaviour; the tag can select a defective variant. The
 * emulator's own form {@code external+http://127.0.0.1:18080} names a process running outside
 * (registry {@code external}, repository the URL): its Machine forwards HTTP to that URL.
 */
public record ImageRef(String raw, String registry, String repository, String tag) {

  public static final String EXTERNAL = "external+";

  public static ImageRef parse(String raw) {
    if (raw == null || raw.isBlank()) throw PlatformException.invalid("invalid_argument: config.image is required");
    String rest = raw.trim();
    if (rest.startsWith(EXTERNAL)) return new ImageRef(rest, "external", rest.substring(EXTERNAL.length()), "latest");
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

  public boolean isExternal() {
    return registry.equals("external") && raw.startsWith(EXTERNAL);
  }

  /** The URL an external reference forwards to, if it is a usable {@code http(s)://host:port[/base]}. */
  public Optional<URI> externalUrl() {
    if (!isExternal()) return Optional.empty();
    try {
      URI u = new URI(repository);
      boolean ok = ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null
          && u.getRawQuery() == null && u.getRawFragment() == null && u.getUserInfo() == null;
      return ok ? Optional.of(u) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** The last path segment of the repository: {@code fly-router}, {@code host-coder}, … */
  public String name() {
    int i = repository.lastIndexOf('/');
    return i < 0 ? repository : repository.substring(i + 1);
  }
}
