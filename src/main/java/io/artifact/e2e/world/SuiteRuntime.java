package io.artifact.e2e.world;

import io.artifact.e2e.config.Profile;
import io.artifact.e2e.config.ProfileLoader;
import io.artifact.flyemu.EmbeddedStack;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * What lives once per JVM: the profile, the run id, the archive folder and, for the embedded
 * target, the stack (starting it costs seconds, so every scenario shares it and gets its own
 * org slice on it instead).
 */
public final class SuiteRuntime {

  private static SuiteRuntime current;

  private final Profile profile;
  private final String runId;
  private final Path archive;
  private final EmbeddedStack stack;

  private SuiteRuntime(Profile profile) {
    this.profile = profile;
    this.runId = OrgSlice.newRunId();
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC));
    this.archive = Path.of("target-reports", "e2e", stamp + "-" + runId);
    this.stack = profile.embedded() ? LocalStack.start(profile) : null;
  }

  /** The runtime, started on first use with the profile the user selected. */
  public static synchronized SuiteRuntime get() {
    if (current == null) current = new SuiteRuntime(ProfileLoader.fromProcess().load());
    return current;
  }

  public static synchronized void stop() {
    if (current != null && current.stack != null) current.stack.close();
    current = null;
  }

  public Profile profile() { return profile; }
  public String runId() { return runId; }
  public Path archive() { return archive; }
  public Optional<EmbeddedStack> stack() { return Optional.ofNullable(stack); }
}
