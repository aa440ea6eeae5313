package io.artifact.e2e.mcp;

import io.artifact.e2e.world.OrgSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts of an {@code infra.provision_org} manifest a scenario judges, as one comparable value:
 * which apps, volumes and Machines (app, role, image) it names, and whether every Machine and
 * image carries a {@code sha256:} digest.
 */
public record OrgManifestView(List<String> apps, List<String> volumes, List<String> machines, boolean everyImageHasADigest) {

  @SuppressWarnings("unchecked")
  public static OrgManifestView of(ToolCall manifest) {
    List<String> apps = new ArrayList<>();
    list(manifest, "apps").forEach(a -> apps.add((String) a.get("name")));
    List<String> volumes = new ArrayList<>();
    list(manifest, "volumes").forEach(v -> volumes.add(v.get("app") + "/" + v.get("name")));
    List<String> machines = new ArrayList<>();
    boolean digests = !list(manifest, "machines").isEmpty();
    for (Map<String, Object> m : list(manifest, "machines")) {
      machines.add(m.get("app") + " " + m.get("role") + " " + m.get("image"));
      digests &= String.valueOf(m.get("image_digest")).matches("sha256:[0-9a-f]{16,64}");
    }
    Map<String, Object> images = (Map<String, Object>) manifest.structured().getOrDefault("images", Map.of());
    for (Object i : images.values()) digests &= String.valueOf(((Map<String, Object>) i).get("digest")).startsWith("sha256:");
    return new OrgManifestView(apps, volumes, machines, digests);
  }

  public static OrgManifestView expected(OrgSlice slice, String nfsImage, String routerImage, String execImage) {
    return new OrgManifestView(slice.apps(), List.of(slice.nfsApp() + "/nfsdata"),
        List.of(slice.nfsApp() + " nfs " + nfsImage, slice.routerApp() + " fly-router " + routerImage, slice.execApp() + " fly-exec " + execImage),
        true);
  }

  public static List<String> machineIds(ToolCall manifest) {
    return list(manifest, "machines").stream().map(m -> String.valueOf(m.get("id"))).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(ToolCall c, String key) {
    return (List<Map<String, Object>>) c.structured().getOrDefault(key, List.of());
  }
}
