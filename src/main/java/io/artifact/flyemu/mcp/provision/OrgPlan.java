package io.artifact.flyemu.mcp.provision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.fly.ImageRef;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.fly.MachineState;
import io.artifact.flyemu.fly.Volume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The org manifest the provisioning runbook describes (fly-org-provisioning "Automation Plan"):
 * the apps {@code <org>-nfs|fly-router|fly-exec|worker-pool}, the {@code nfsdata} volume, one
 * Machine each for NFS, router and exec (worker pool empty), certificates for the domain. Each item
 * is matched against what exists — by name, or by the {@code artifact_role} Machine metadata — so
 * applying twice changes nothing; a dry run reports the same plan and creates nothing.
 */
public final class OrgPlan {

  public record Request(String org, String domain, String region, int volumeSizeGb, Map<String, String> images,
      Map<String, Map<String, String>> secrets, String flyOrg) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> ROLES = List.of("nfs", "fly-router", "fly-exec", "worker-pool");

  private final FlyPlatform fly;

  public OrgPlan(FlyPlatform fly) {
    this.fly = fly;
  }

  public static List<String> apps(String org) {
    return ROLES.stream().map(r -> org + "-" + r).toList();
  }

  /** Plans (dry run) or applies the manifest; returns it with an action on every item. */
  public Map<String, Object> run(Request r, boolean apply) {
    int changes = 0;
    List<Map<String, Object>> apps = new ArrayList<>();
    for (String role : ROLES) {
      String name = r.org() + "-" + role;
      boolean exists = fly.findApp(name).isPresent();
      if (!exists && apply) fly.createApp(name, r.flyOrg());
      if (!exists) changes++;
      apps.add(item("name", name, "role", role, "action", action(exists, apply)));
      if (apply) r.secrets().getOrDefault(role, Map.of()).forEach((k, v) -> fly.setSecrets(name, Map.of(k, v)));
    }
    String nfsApp = r.org() + "-nfs";
    Optional<Volume> vol = fly.findApp(nfsApp).flatMap(a -> a.volumes().stream().filter(v -> v.name().equals("nfsdata")).findFirst());
    boolean hadVolume = vol.isPresent();
    if (!hadVolume && apply) vol = Optional.of(fly.createVolume(nfsApp, "nfsdata", r.region(), r.volumeSizeGb()));
    if (!hadVolume) changes++;
    Map<String, Object> volume = item("app", nfsApp, "name", "nfsdata", "size_gb", vol.map(Volume::sizeGb).orElse(r.volumeSizeGb()),
        "region", vol.map(Volume::region).orElse(r.region()), "action", action(hadVolume, apply));
    vol.ifPresent(v -> volume.put("id", v.id()));
    List<Map<String, Object>> machines = new ArrayList<>();
    for (String role : List.of("nfs", "fly-router", "fly-exec")) {
      String app = r.org() + "-" + role;
      String image = r.images().get(role);
      Optional<Machine> existing = byRole(app, role);
      boolean had = existing.isPresent();
      if (!had && apply) existing = Optional.of(fly.createMachine(app, null, r.region(), config(r, role, image, vol), false));
      if (!had) changes++;
      Map<String, Object> m = item("app", app, "role", role, "image", existing.map(Machine::image).orElse(image),
          "image_digest", ImageRef.parse(existing.map(Machine::image).orElse(image)).digest(),
          "region", existing.map(Machine::region).orElse(r.region()), "action", action(had, apply));
      existing.ifPresent(x -> {
        m.put("id", x.id());
        m.put("state", x.state().wire());
      });
      machines.add(m);
    }
    List<String> certs = List.of(r.domain(), "*." + r.domain());
    String router = r.org() + "-fly-router";
    for (String h : certs) {
      if (apply && !fly.app(router).hostnames().contains(h)) fly.addCertificate(router, h);
    }
    Map<String, Object> images = new LinkedHashMap<>();
    r.images().forEach((role, ref) -> images.put(role, item("ref", ref, "digest", ImageRef.parse(ref).digest())));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("org", r.org());
    out.put("domain", r.domain());
    out.put("regions", List.of(r.region()));
    out.put("dry_run", !apply);
    out.put("apps", apps);
    out.put("volumes", List.of(volume));
    out.put("machines", machines);
    out.put("certificates", certs);
    out.put("images", images);
    out.put("secrets", r.secrets().entrySet().stream().map(e -> e.getKey() + ": " + String.join(", ", e.getValue().keySet())).toList());
    out.put("changes", changes);
    return out;
  }

  private Optional<Machine> byRole(String app, String role) {
    return fly.findApp(app).flatMap(a -> a.machines().stream()
        .filter(m -> m.state() != MachineState.DESTROYED && m.state() != MachineState.DESTROYING)
        .filter(m -> role.equals(m.metadata().get("artifact_role")))
        .findFirst());
  }

  private ObjectNode config(Request r, String role, String image, Optional<Volume> vol) {
    ObjectNode c = JSON.createObjectNode().put("image", image);
    ObjectNode env = c.putObject("env");
    env.put("DC_DOMAIN", r.domain()).put("DC_NFS", r.org() + "-nfs.flycast").put("PORT", "8080");
    if (!role.equals("nfs")) {
      env.put("DC_EXEC", r.org() + "-fly-exec.flycast").put("DC_WORKER_POOL_APP", r.org() + "-worker-pool");
      if (role.equals("fly-exec")) env.put("DC_ROUTER", r.org() + "-fly-router.flycast");
    }
    c.putObject("metadata").put("fly_platform_version", "v2").put("fly_process_group", "app").put("artifact_role", role)
        .put("artifact_org", r.org());
    if (role.equals("nfs")) vol.ifPresent(v -> c.putArray("mounts").addObject().put("volume", v.id()).put("path", "/data"));
    return c;
  }

  private static String action(boolean exists, boolean apply) {
    return exists ? (apply ? "existing" : "keep") : (apply ? "created" : "create");
  }

  private static Map<String, Object> item(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }
}
