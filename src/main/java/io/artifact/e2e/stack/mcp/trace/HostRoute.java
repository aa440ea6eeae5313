package io.artifact.e2e.stack.mcp.trace;

import java.util.Locale;

/**
 * How the router classifies a host (stack-contract.md §2.1): the base domain, a computer host
 * {@code <computer>.<base>}, an agent host {@code <agent>--<computer>.<base>}, or an error with
 * the router's exact message. A minimal reading of the contract for {@code infra.router_trace};
 * the router's own host rules live with the router.
 */
record HostRoute(String kind, String computer, String agent, String error) {

  static HostRoute classify(String rawHost, String base) {
    String host = rawHost.toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
    String b = base.toLowerCase(Locale.ROOT);
    if (host.equals(b)) return new HostRoute("base", null, null, null);
    if (!host.endsWith("." + b)) return error("hostname mismatch: " + host + " !endsWith " + b);
    String sub = host.substring(0, host.length() - b.length() - 1);
    if (sub.isEmpty()) return error("subdomain is empty");
    if (sub.contains(".")) return error("subdomain contains a dot");
    int first = sub.indexOf("--");
    if (first < 0) return new HostRoute("computer", sub, null, null);
    if (sub.indexOf("--", first + 2) >= 0) return error("subdomain does not contain exactly one --");
    return new HostRoute("agent", sub.substring(first + 2), sub.substring(0, first), null);
  }

  private static HostRoute error(String message) {
    return new HostRoute("invalid", null, null, message);
  }
}
