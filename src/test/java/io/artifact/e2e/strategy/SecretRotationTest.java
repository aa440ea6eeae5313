package io.artifact.e2e.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.artifact.e2e.config.Profile;
import io.artifact.e2e.config.ProfileException;
import io.artifact.e2e.config.ProfileLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staging holds ops to rotating what a run used: the next run refuses the same values, never storing them. */
class SecretRotationTest {

  @TempDir
  Path dir;

  private Profile staging(String token, String mode) {
    Properties sys = new Properties();
    sys.setProperty("e2e.manifest.dir", dir.toString());
    sys.setProperty("e2e.staging.rotation", mode);
    return new ProfileLoader(Path.of("env"), Map.of("FLY_API_TOKEN", token, "CLERK_SECRET_KEY", "sk_test_same"), sys).load("staging");
  }

  @Test
  void theNextRunRefusesSecretsThePreviousRunUsedUntilTheyAreRotated() throws Exception {
    List<String> notes = new ArrayList<>();
    RunScope run = new RunScope(staging("fly_one", "enforce"), null, "abc123", () -> null, notes::add);
    assertThat(SecretRotation.check(run.profile(), run)).as("no previous run").isEmpty();
    SecretRotation.record(run.profile(), "abc123");
    assertThat(Files.readString(SecretRotation.file(run.profile()))).as("digests only").doesNotContain("fly_one", "sk_test_same")
        .contains("sha256:");

    assertThatThrownBy(() -> SecretRotation.check(staging("fly_one", "enforce"), run)).isInstanceOf(ProfileException.class)
        .hasMessage("staging: CLERK_SECRET_KEY, FLY_API_TOKEN still hold(s) the value(s) run abc123 used; rotate them before the next run"
            + " (E2E.md Environment Strategies), or set staging.rotation=warn in env/staging.properties");
    assertThatThrownBy(() -> SecretRotation.check(staging("fly_two", "enforce"), run)).hasMessageStartingWith("staging: CLERK_SECRET_KEY still");
    assertThat(SecretRotation.check(staging("fly_one", "warn"), run)).hasSize(2);
    assertThat(notes).singleElement().asString().startsWith("staging (warn): CLERK_SECRET_KEY, FLY_API_TOKEN");
  }
}
