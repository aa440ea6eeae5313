package io.artifact.e2e.world;

import io.artifact.e2e.config.Profile;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /**
   * A scenario's own slice inside run {@code runId}: {@code <runid>s<n>} (no dash: the id also ends up in
   * image tags such as {@code deployment-<id>}), so its app names, domain and Machine labels still carry
   * the run id a sweep looks for; run ids are always {@value #RUN_ID_LENGTH} characters.
   */
  public static String scenarioSliceId(String runId, int n) {
    return runId + "s" + Integer.toString(n, 36);
  }

  static final int RUN_ID_LENGTH = 6;

  /** The run an app of this suite belongs to: {@code <org>-e2e-<runid>[-<n>]-<app>}, else empty (not the suite's). */
  public static Optional<String> runOfApp(String orgPrefix, String app) {
    Matcher m = Pattern.compile(Pattern.quote(orgPrefix) + "-e2e-([a-z][a-z0-9]{5})(s[a-z0-9]+)?-(nfs|fly-router|fly-exec|worker-pool)")
        .matcher(app);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** {@value #RUN_ID_LENGTH} lowercase letters or digits, starting with a letter (valid in app names and DNS labels). */
  public static String newRunId() {
    StringBuilder sb = new StringBuilder().append(ALPHABET.charAt(RANDOM.nextInt(26)));
    for (int i = 0; i < 5; i++) sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    return sb.toString();
  }

  /** The run this slice belongs to (its id without the scenario part): the value of {@link #RUN_LABEL}. */
  public String run() {
    return runId.length() <= RUN_ID_LENGTH ? runId : runId.substring(0, RUN_ID_LENGTH);
  }

  /** Labels every Machine the suite creates carries: the run (what a sweep looks for) and the slice. */
  public Map<String, String> labels() {
    return Map.of(RUN_LABEL, run(), SLICE_LABEL, prefix);
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
  public static final String SLICE_LABEL = "e2e_slice";

  /** Did this run create (and so may it destroy) the app? Only ephemeral slices' apps carry the run id. */
  public boolean createdByThisRun(String app) {
    return prefix.endsWith("-e2e-" + runId) && owns(app);
  }

  /** Does an app name belong to this slice? */
  public boolean owns(String app) {
    return app.startsWith(prefix + "-");
  }
}
