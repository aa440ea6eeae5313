package io.artifact.e2e.world;

import io.artifact.e2e.config.Profile;
import io.artifact.e2e.config.ProfileLoader;
import io.artifact.e2e.target.Target;
import io.artifact.e2e.target.Targets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What lives once per JVM: the profile, the run id, the archive folder and the target (opening it
 * may start the emulator, which costs seconds, so every scenario shares it).
 */
public final class SuiteRuntime {

  private static SuiteRuntime current;

  private final Profile profile;
  private final String runId;
  private final Path archive;
  private final Target target;

  private SuiteRuntime(Profile profile) {
    this.profile = profile;
    this.runId = OrgSlice.newRunId();
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC));
    this.archive = Path.of("target-reports", "e2e", stamp + "-" + runId);
    this.target = Targets.open(profile);
  }

  /** The runtime, started on first use with the profile the user selected. */
  public static synchronized SuiteRuntime get() {
    if (current == null) current = new SuiteRuntime(ProfileLoader.fromProcess().load());
    return current;
  }

  public static synchronized void stop() {
    if (current != null) current.target.close();
    current = null;
  }

  public Profile profile() { return profile; }
  public String runId() { return runId; }
  public Path archive() { return archive; }
  public Target target() { return target; }
}
