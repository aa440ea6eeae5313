package io.artifact.flyemu.router;

import java.util.Locale;

/**
 * The router's host-name rules (stack-contract.md §2.1): {@code <base>}, {@code <computer>.<base>},
 * {@code <agent>--<computer>.<base>}, compared lowercased; anything else is a {@link HostnameException}.
 */
public final class Hostnames {

  private Hostnames() {}

  public static Host classify(String host, String base) {
    String h = host.toLowerCase(Locale.ROOT);
    String b = base.toLowerCase(Locale.ROOT);
    if (h.equals(b)) return new Host.Base();
    if (!h.endsWith("." + b)) throw new HostnameException("hostname mismatch: " + h + " !endsWith " + b);
    String sub = h.substring(0, h.length() - b.length() - 1);
    if (sub.isEmpty()) throw new HostnameException("subdomain is empty");
    if (sub.contains(".")) throw new HostnameException("subdomain contains a dot");
    String[] parts = sub.split("--", -1);
    if (parts.length == 1) return new Host.Computer(sub);
    if (parts.length != 2) throw new HostnameException("subdomain does not contain exactly one --");
    return new Host.Agent(parts[0], parts[1]);
  }
}
