package io.artifact.e2e.flyctl;

import io.artifact.e2e.evidence.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The {@code fly} CLI as a child process: found on the PATH of the environment it is given (the
 * child's whole environment, so tests can put a fake first), the token only ever in that
 * environment ({@code FLY_API_TOKEN}, fly-facts.md §5.1), every call bounded (the child and its
 * descendants are stopped on timeout, §11: "each of these can hang") and recorded, token redacted.
 */
public final class Flyctl {

  /** Variables flyctl takes a token from (§5.1); their values are secrets wherever they show up. */
  static final List<String> TOKEN_VARIABLES = List.of("FLY_API_TOKEN", "FLY_ACCESS_TOKEN");
  static final Duration GRACE = Duration.ofSeconds(2);

  /** A finished call: stdout as printed, stderr redacted. */
  public record Result(String stdout, String stderr, Duration took) {}

  /** A long-running call (fly proxy): the child, its merged stdout and stderr, its command line. */
  record Started(Process process, Drain output, String command, Instant began) {}

  private final Map<String, String> environment;
  private final Redactor redactor;
  private final Consumer<String> transcript;

  public Flyctl(Map<String, String> environment, Redactor redactor, Consumer<String> transcript) {
    this.environment = new HashMap<>(environment);
    this.environment.putIfAbsent("FLY_NO_UPDATE_CHECK", "1"); // §5.1: no update nag on stderr
    this.redactor = redactor;
    this.transcript = transcript;
    TOKEN_VARIABLES.forEach(v -> redactor.secret(environment.get(v)));
  }

  public Result run(Duration timeout, String... args) {
    return run(timeout, List.of(args));
  }

  /** Runs {@code fly <args>} to completion within {@code timeout}; a non-zero exit is a {@link FlyctlException}. */
  public Result run(Duration timeout, List<String> args) {
    return run(timeout, "", args);
  }

  /**
   * The same with {@code stdin} written to the child first: how values that must not show on a
   * command line (or in {@code ps}) reach flyctl, e.g. {@code fly secrets import}. It is never recorded.
   */
  public Result run(Duration timeout, String stdin, List<String> args) {
    String shown = shown(args);
    Instant began = Instant.now();
    Process p = start(args, false, shown, began);
    feed(p, stdin, shown);
    Drain out = Drain.of(p.getInputStream(), "fly-stdout");
    Drain err = Drain.of(p.getErrorStream(), "fly-stderr");
    if (!finished(p, timeout, shown, began)) {
      ProcessTree.stop(p, GRACE);
      record(shown, "did not finish within " + CommandLine.human(timeout) + ", stopped", began);
      throw FlyctlException.timedOut(shown, timeout, redact(err.text(GRACE)));
    }
    String stdout = out.text(GRACE);
    String stderr = redact(err.text(GRACE));
    int code = p.exitValue();
    record(shown, "exit " + code, began);
    if (code != 0) throw FlyctlException.exited(shown, code, stderr);
    return new Result(stdout, stderr, Duration.between(began, Instant.now()));
  }

  /** Starts a call that keeps running (its stdin left open for {@code --watch-stdin}); the caller stops it. */
  Started start(List<String> args) {
    String shown = shown(args);
    Instant began = Instant.now();
    Process p = start(args, true, shown, began);
    return new Started(p, Drain.of(p.getInputStream(), "fly-output"), shown, began);
  }

  String redact(String text) {
    return redactor.redact(text);
  }

  void record(String shown, String outcome, Instant began) {
    transcript.accept(redact(shown + " → " + outcome + " in " + Duration.between(began, Instant.now()).toMillis() + " ms"));
  }

  private String shown(List<String> args) {
    for (String variable : TOKEN_VARIABLES) {
      String token = environment.get(variable);
      if (token != null && !token.isEmpty() && args.stream().anyMatch(a -> a.contains(token))) {
        throw new IllegalArgumentException("a flyctl token travels in " + variable + ", never on the command line");
      }
    }
    return redact(CommandLine.shown(args));
  }

  private Process start(List<String> args, boolean keepStdin, String shown, Instant began) {
    Path exe = executable().orElseThrow(() -> {
      record(shown, "fly is not on PATH", began);
      return FlyctlException.notOnPath(shown);
    });
    List<String> argv = new ArrayList<>(args.size() + 1);
    argv.add(exe.toString()); // resolved here: ProcessBuilder would search the JVM's PATH, not the child's
    argv.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(keepStdin);
    pb.environment().clear();
    pb.environment().putAll(environment);
    try {
      return pb.start();
    } catch (IOException e) {
      record(shown, "could not start: " + e.getMessage(), began);
      throw FlyctlException.failed(shown, "could not start: " + e.getMessage());
    }
  }

  /** Writes and closes stdin: flyctl copies stdin to a remote command (ssh/io.go), so it must end. */
  private void feed(Process p, String stdin, String shown) {
    try (var in = p.getOutputStream()) {
      in.write(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      // the child exited before reading it all: its exit code and stderr say why
      transcript.accept(shown + " → stdin not fully read: " + e.getMessage());
    }
  }

  private Optional<Path> executable() {
    String path = environment.getOrDefault("PATH", "");
    for (String dir : path.split(":")) {
      if (dir.isEmpty()) continue;
      Path candidate = Path.of(dir, "fly");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(candidate);
    }
    return Optional.empty();
  }

  private boolean finished(Process p, Duration timeout, String shown, Instant began) {
    try {
      return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      ProcessTree.stop(p, GRACE);
      Thread.currentThread().interrupt();
      record(shown, "interrupted, stopped", began);
      throw FlyctlException.failed(shown, "was interrupted");
    }
  }
}
