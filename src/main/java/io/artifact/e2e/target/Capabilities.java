package io.artifact.e2e.target;

import static io.artifact.e2e.target.Target.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What a set of endpoints and credentials makes possible. One rule for every kind of target, so an
 * external profile that names the same endpoints as the embedded stack gets the same capabilities.
 */
final class Capabilities {

  private Capabilities() {}

  static Set<Capability> derive(Map<String, String> endpoints, Map<String, String> secrets) {
    Set<Capability> c = EnumSet.noneOf(Capability.class);
    if (endpoints.containsKey(MACHINES_API) && secrets.containsKey(FLY_API_TOKEN)) {
      c.add(Capability.FLY_API);
      c.add(Capability.FAULTS_MACHINE_LIFECYCLE);
      c.add(Capability.FAULTS_APP_SECRETS);
    }
    if (endpoints.containsKey(EDGE)) c.add(Capability.EDGE);
    if (endpoints.containsKey(CLERK_API) && secrets.containsKey(CLERK_SECRET_KEY)) c.add(Capability.CLERK_BACKEND);
    if (endpoints.containsKey(CLERK_TESTING) && c.contains(Capability.CLERK_BACKEND)) c.add(Capability.CLERK_SIGNING_KEY);
    if (endpoints.containsKey(NFS_ROOT)) c.add(Capability.NFS_FILES);
    if (endpoints.containsKey(EXEC) || endpoints.containsKey(PRIVATE_NETWORK_PROXY)) c.add(Capability.EXEC_NOTIFY);
    if (endpoints.containsKey(MCP) && (secrets.containsKey(MCP_ORG_TOKEN) || endpoints.containsKey(MCP_ADMIN))) c.add(Capability.MCP);
    if (endpoints.containsKey(MCP_ADMIN)) c.add(Capability.MCP_ADMIN);
    if (endpoints.containsKey(EMULATOR_ADMIN)) c.add(Capability.FAULTS_BOOT_KILL);
    if (endpoints.containsKey(NETWORK_FAULTS)) c.add(Capability.FAULTS_NETWORK);
    return c;
  }
}
