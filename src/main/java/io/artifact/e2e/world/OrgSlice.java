package io.artifact.e2e.world;

import io.artifact.e2e.config.Profile;
import java.security.SecureRandom;
import java.util.List;

/**
 * The part of a Fly org a run (or, on the embedded stack, a scenario) works in: the org prefix
 * plus a run id. Ephemeral slices are {@code org1-e2e-<runid>}; staging and hybrid use the org
 * prefix as it is. Every name carries the slice, so a sweep can find what a crashed run left.
 */
public record OrgSlice(String prefix, String runId, String domain, String region, String org) {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  public static OrgSlice of(Profile profile, String runId) {
    String org = profile.string("org.prefix");
    String prefix = profile.strategy().equals("ephemeral") ? org + "-e2e-" + runId : org;
    String domain = profile.string("base.domain").replace("{runid}", runId);
    return new OrgSlice(prefix, runId, domain, profile.string("region"), profile.optional("org.slug").orElse("personal"));
  }

  /** Six lowercase letters or digits, starting with a letter (valid in app names and DNS labels). */
  public static String newRunId() {
    StringBuilder sb = new StringBuilder().append(ALPHABET.charAt(RANDOM.nextInt(26)));
    for (int i = 0; i < 5; i++) sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    return sb.toString();
  }

  public String nfsApp() { return prefix + "-nfs"; }
  public String routerApp() { return prefix + "-fly-router"; }
  public String execApp() { return prefix + "-fly-exec"; }
  public String workerPoolApp() { return prefix + "-worker-pool"; }

  public List<String> apps() {
    return List.of(nfsApp(), routerApp(), execApp(), workerPoolApp());
  }

  /** Private (flycast) address of an app, as the stack's {@code DC_*} variables name it. */
  public static String flycast(String app) {
    return app + ".flycast";
  }

  /**
   * The label this run puts on what it creates: ephemeral app names end in {@code -e2e-<runid>-…};
   * Machines carry {@code e2e_run=<runid>} in their metadata.
   */
  public static final String RUN_LABEL = "e2e_run";

  /** Did this run create (and so may it destroy) the app? Only ephemeral slices' apps carry the run id. */
  public boolean createdByThisRun(String app) {
    return prefix.endsWith("-e2e-" + runId) && owns(app);
  }

  /** Does an app name belong to this slice? */
  public boolean owns(String app) {
    return app.startsWith(prefix + "-");
  }
}
