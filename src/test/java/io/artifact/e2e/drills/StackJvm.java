package io.artifact.e2e.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.artifact.e2e.flyctl.ProcessTree;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The suite's CLI in a JVM of its own, as ops would start it: {@code java -jar target/artifact-e2e.jar}
 * (failsafe runs after package), else the test classpath. Its output goes to a log file; every wait
 * on it is bounded, and {@link #stop()} ends it and anything it started.
 */
final class StackJvm {

  private static final String JAR = "target/artifact-e2e.jar";
  private static final String EOF = "\u0000eof";

  private final String name;
  private final Process process;
  private final Path log;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private StackJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    Thread pump = new Thread(this::pump, name + "-output");
    pump.setDaemon(true);
    pump.start();
  }

  /** Starts {@code java <jvmArgs> -jar artifact-e2e.jar <args>} in {@code dir} with {@code env} added. */
  static StackJvm start(String name, Path dir, List<String> jvmArgs, List<String> args, Map<String, String> env) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // short-lived and mostly cold code: C1 alone starts faster on two cores than tiered compilation
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.addAll(jvmArgs);
    Path jar = Path.of(JAR).toAbsolutePath();
    if (Files.isRegularFile(jar)) {
      cmd.add("-jar");
      cmd.add(jar.toString());
    } else {
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add("io.artifact.e2e.cli.Main");
    }
    cmd.addAll(args);
    Files.createDirectories(dir);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    return new StackJvm(name, pb.start(), dir.resolve(name + ".log"));
  }

  /** The first line of output that is a JSON object ({@code stack up}'s), within {@code bound}. */
  JsonNode firstJsonLine(Duration bound) throws Exception {
    long deadline = System.nanoTime() + bound.toNanos();
    while (true) {
      String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) throw new AssertionError(name + " printed no JSON line within " + bound.toSeconds() + " s; see " + log);
      if (line.equals(EOF)) throw new AssertionError(name + " exited (" + process.waitFor() + ") before printing its JSON line; see " + log);
      if (line.startsWith("{")) return new ObjectMapper().readTree(line);
    }
  }

  /** The exit code, once the process has ended within {@code bound} (else it is stopped and the test fails). */
  int awaitExit(Duration bound) throws InterruptedException {
    if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
      stop();
      throw new AssertionError(name + " did not finish within " + bound.toSeconds() + " s; stopped. See " + log);
    }
    return process.exitValue();
  }

  Path log() {
    return log;
  }

  /** {@code kill -9}: SIGKILL to the process (and its descendants), no shutdown hook runs; waits until it is gone. */
  void kill() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM to the process and its descendants, then force; bounded. */
  void stop() {
    ProcessTree.stop(process, Duration.ofSeconds(10));
  }

  private void pump() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        out.write(line);
        out.write('\n');
        out.flush();
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add(name + ": output unreadable: " + e.getMessage());
    } finally {
      lines.add(EOF);
    }
  }
}
