package io.artifact.e2e.flyctl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stand-in {@code fly} of {@code fake-fly.py} written to a temp dir that goes first on PATH:
 * either forwarding to a Machines API (the embedded stack's, through the same
 * {@code FLY_FLAPS_BASE_URL}/{@code FLY_API_BASE_URL} overrides real flyctl honours,
 * fly-facts.md §5.1), or replaying recorded answers one call after another.
 */
final class ScriptedFly {

  static final String TOKEN = "e2e-flyctl-token-5d2c81f0";

  final Path dir;
  private int replies;

  ScriptedFly(Path dir) {
    this.dir = dir;
    try (InputStream script = ScriptedFly.class.getResourceAsStream("fake-fly.py")) {
      String text = new String(script.readAllBytes(), StandardCharsets.UTF_8);
      Executables.write(dir.resolve("fly"), Python3.shebang() + text.substring(text.indexOf('\n')));
      Files.createDirectories(dir.resolve("replies"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The child environment forwarding to {@code apiUrl}. */
  Map<String, String> forwardingTo(String apiUrl) {
    Map<String, String> env = base();
    env.put("FLY_FLAPS_BASE_URL", apiUrl);
    env.put("FLY_API_BASE_URL", apiUrl);
    return env;
  }

  /** The child environment replaying {@link #reply} answers in order (the last one repeats). */
  Map<String, String> replaying() {
    Map<String, String> env = base();
    env.put("FAKE_FLY_REPLIES", dir.resolve("replies").toString());
    return env;
  }

  /** The next call prints {@code stdout}, then {@code stderr}, and exits {@code code}. */
  ScriptedFly reply(int code, String stdout, String stderr) {
    return reply(code, stdout, stderr, 0);
  }

  /** The same after hanging {@code sleepSeconds} (stderr printed before the pause, as flyctl's "Waiting on lease"). */
  ScriptedFly reply(int code, String stdout, String stderr, double sleepSeconds) {
    int n = ++replies;
    write(n + ".out", stdout);
    write(n + ".err", stderr);
    write(n + ".sleep", String.valueOf(sleepSeconds));
    write(n + ".code", String.valueOf(code));
    return this;
  }

  /** Every call's argv, in order. */
  List<List<String>> calls() {
    try {
      Path log = dir.resolve("argv.log");
      return Files.exists(log) ? Files.readAllLines(log).stream().map(l -> Arrays.asList(l.split("\u001f"))).toList() : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, String> base() {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", dir + ":" + System.getenv("PATH"));
    env.put("HOME", dir.toString());
    env.put("FLY_API_TOKEN", TOKEN);
    env.put("FAKE_FLY_DIR", dir.toString());
    return env;
  }

  private void write(String name, String text) {
    try {
      Files.writeString(dir.resolve("replies").resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
