package io.artifact.e2e.drills;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM running the packaged jar, with exactly the env it is given (as a Machine or a clean
 * shell would have), its output kept in memory and in {@code <dir>/<name>.out|.err}. Every wait is
 * bounded; {@link #close()} ends the whole process tree.
 */
final class ChildJvm implements AutoCloseable {

  static final Path JAR = Path.of("target", "artifact-e2e.jar").toAbsolutePath();
  private static final Duration POLL = Duration.ofMillis(50);

  final String name;
  private final Process process;
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final List<String> err = new CopyOnWriteArrayList<>();

  private ChildJvm(String name, Process process, Path dir) {
    this.name = name;
    this.process = process;
    drain(process.getInputStream(), out, dir.resolve(name + ".out"));
    drain(process.getErrorStream(), err, dir.resolve(name + ".err"));
  }

  static ChildJvm start(String name, Path dir, Map<String, String> env, List<String> jvmArgs, String... args) {
    if (!Files.isRegularFile(JAR)) throw new IllegalStateException(JAR + " is missing: the drill runs after package (mvn verify)");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1"); // three JVMs share two cores: start fast, compile little
    command.addAll(jvmArgs);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().clear();
    for (String keep : List.of("PATH", "HOME", "LANG")) {
      String v = System.getenv(keep);
      if (v != null) pb.environment().put(keep, v);
    }
    pb.environment().putAll(env);
    try {
      Files.createDirectories(dir);
      return new ChildJvm(name, pb.start(), dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  List<String> out() { return List.copyOf(out); }
  List<String> err() { return List.copyOf(err); }

  /** The first stdout line matching, waiting at most {@code bound}; fails at once if the process ends first. */
  String awaitOut(String what, Predicate<String> line, Duration bound) {
    return awaitLine(out, what, line, bound);
  }

  String awaitErr(String what, Predicate<String> line, Duration bound) {
    return awaitLine(err, what, line, bound);
  }

  private String awaitLine(List<String> lines, String what, Predicate<String> line, Duration bound) {
    await(name + ": " + what).atMost(bound).pollInterval(POLL)
        .failFast(name + " exited before " + what + "; last output: " + tail(), () -> !process.isAlive() && lines.stream().noneMatch(line))
        .until(() -> lines.stream().anyMatch(line));
    return lines.stream().filter(line).findFirst().orElseThrow();
  }

  /** The exit code, once the process ends within {@code bound}. */
  int exitCode(Duration bound) throws InterruptedException {
    if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(name + " did not exit within " + bound.toSeconds() + " s; last output: " + tail());
    }
    return process.exitValue();
  }

  String tail() {
    List<String> all = new ArrayList<>(out);
    all.addAll(err);
    return String.join("\n", all.subList(Math.max(0, all.size() - 25), all.size()));
  }

  /** Children first (a JVM's own children would outlive it), then the JVM; SIGTERM, then SIGKILL after a bound. */
  @Override
  public void close() throws InterruptedException {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private static void drain(InputStream stream, List<String> sink, Path file) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
           PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), true)) {
        for (String l = r.readLine(); l != null; l = r.readLine()) {
          sink.add(l);
          w.println(l);
        }
      } catch (IOException e) {
        sink.add("(output lost: " + e.getMessage() + ")");
      }
    }, "drain-" + file.getFileName());
    t.setDaemon(true);
    t.start();
  }
}
