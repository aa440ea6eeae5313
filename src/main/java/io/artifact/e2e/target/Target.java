package io.artifact.e2e.target;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one thing the suite knows of a stack: named endpoints (the names {@code stack up} prints),
 * credentials (resolved from environment variables, or made by the emulator) and capabilities.
 * Built by a factory per kind — embedded, external, fly — and closed at the end of the run,
 * which stops whatever the factory started (the emulator, tunnels).
 */
public final class Target implements AutoCloseable {

  /** Endpoint names, as {@code stack up} prints them and profiles name them ({@code endpoint.<name>}). */
  public static final String MACHINES_API = "machines_api";
  public static final String LOGS_API = "logs_api";
  public static final String PRIVATE_NETWORK_PROXY = "private_network_proxy";
  public static final String EDGE = "edge";
  public static final String CLERK_API = "clerk_api";
  public static final String CLERK_SIGN_IN = "clerk_sign_in";
  /** A Clerk instance's testing surface that hands out its signing key (the embedded stack's local Clerk; no real instance has one). */
  public static final String CLERK_TESTING = "clerk_testing";
  public static final String EXEC = "exec";
  public static final String NFS_ROOT = "nfs_root";
  public static final String MCP = "mcp";
  public static final String MCP_ADMIN = "mcp_admin";
  public static final String EMULATOR_ADMIN = "emulator_admin";
  /** A Toxiproxy HTTP API whose proxies can stand in front of exec's Flycast address (the emulator's, or a Toxiproxy Machine's). */
  public static final String NETWORK_FAULTS = "network_faults";

  /** Credential names ({@code secret.<name>=<ENV_VAR>} in a profile). */
  public static final String FLY_API_TOKEN = "fly_api_token";
  public static final String CLERK_SECRET_KEY = "clerk_secret_key";
  public static final String CLERK_PUBLISHABLE_KEY = "clerk_publishable_key";
  public static final String MCP_ORG_TOKEN = "mcp_org_token";

  private final String kind;
  private final String profile;
  private final Map<String, String> endpoints;
  private final Map<String, String> secrets;
  private final Set<Capability> capabilities;
  private final List<AutoCloseable> owned = new ArrayList<>();

  public Target(String kind, String profile, Map<String, String> endpoints, Map<String, String> secrets,
      Set<Capability> capabilities) {
    this.kind = kind;
    this.profile = profile;
    this.endpoints = Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
    this.secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
    this.capabilities = capabilities.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(capabilities));
  }

  /** embedded, external or fly. */
  public String kind() { return kind; }
  public Map<String, String> endpoints() { return endpoints; }
  public Set<Capability> capabilities() { return capabilities; }

  public boolean offers(Capability c) {
    return capabilities.contains(c);
  }

  /** Skips the running scenario (with the capability named) unless the target offers it. */
  public void require(Capability c) {
    if (!offers(c)) throw new MissingCapability(c, describe());
  }

  public Optional<String> endpoint(String name) {
    return Optional.ofNullable(endpoints.get(name));
  }

  /** An endpoint a capability the target offers depends on (a factory guarantees it is there). */
  public String endpointFor(Capability c, String name) {
    require(c);
    return endpoint(name).orElseThrow(() -> new IllegalStateException(describe() + " offers " + c + " but has no endpoint " + name));
  }

  public Optional<String> secret(String name) {
    return Optional.ofNullable(secrets.get(name));
  }

  /** Credentials by name: for {@code stack up}, which prints the emulator's local development tokens. */
  public Map<String, String> credentials() {
    return secrets;
  }

  /** Every credential value, so the redactor can hide them before anything is captured. */
  public List<String> secretValues() {
    return List.copyOf(secrets.values());
  }

  /** "target 'staging' (fly)". */
  public String describe() {
    return "target '" + profile + "' (" + kind + ")";
  }

  /**
   * The same target with capabilities taken away ({@code capabilities.withhold} in a profile): to run
   * a staging-like drill on the emulator, or to keep a suite off a surface it must not touch.
   * What this target owns moves to the result.
   */
  public Target withholding(Set<Capability> withheld) {
    if (withheld.isEmpty()) return this;
    EnumSet<Capability> kept = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
    kept.removeAll(withheld);
    Target t = new Target(kind, profile, endpoints, secrets, kept);
    synchronized (owned) {
      owned.forEach(t::own);
      owned.clear();
    }
    return t;
  }

  /** Something the factory started for this target, stopped when it closes (newest first). */
  public <T extends AutoCloseable> T own(T resource) {
    synchronized (owned) {
      owned.add(resource);
    }
    return resource;
  }

  @Override
  public void close() {
    List<AutoCloseable> all;
    synchronized (owned) {
      all = new ArrayList<>(owned);
      owned.clear();
    }
    Collections.reverse(all);
    RuntimeException first = null;
    for (AutoCloseable c : all) {
      try {
        c.close();
      } catch (Exception e) {
        if (first == null) first = new IllegalStateException("stopping " + describe() + ": " + e.getMessage(), e);
      }
    }
    if (first != null) throw first;
  }
}
