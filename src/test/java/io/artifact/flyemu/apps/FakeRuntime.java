package io.artifact.flyemu.apps;

import io.artifact.flyemu.clerk.ClerkAuthenticator;
import io.artifact.flyemu.fly.ManualScheduler;
import io.artifact.flyemu.fly.Scheduler;
import io.artifact.flyemu.net.NetworkClient;
import io.artifact.flyemu.nfs.NfsRoot;
import io.artifact.flyemu.nfs.NfsUnavailableException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An app runtime on a manual clock whose NFS share can be taken away and given back. */
final class FakeRuntime implements AppRuntime {

  final ManualScheduler clock = new ManualScheduler();
  final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> env;
  private final Path share;
  volatile boolean nfsUp = true;

  FakeRuntime(Map<String, String> env, Path share) {
    this.env = Map.copyOf(env);
    this.share = share;
  }

  @Override public String instanceId() { return "m-1"; }
  @Override public Map<String, String> env() { return env; }
  @Override public void log(String message) { log.add("info " + message); }
  @Override public void logError(String message) { log.add("error " + message); }
  @Override public Scheduler scheduler() { return clock; }
  @Override public NetworkClient network() { throw new UnsupportedOperationException(); }
  @Override public Optional<ClerkAuthenticator> clerk() { return Optional.empty(); }
  @Override public Optional<String> machinesApiUrl() { return Optional.empty(); }

  @Override
  public NfsRoot nfs(String dcNfs) {
    return () -> {
      if (!nfsUp) throw new NfsUnavailableException("NFS mount failed: " + dcNfs + ":/data/computers is not reachable");
      return share;
    };
  }

  List<String> alerts() {
    return log.stream().filter(l -> l.startsWith("error " + Alarm.MARKER + " ")).toList();
  }
}
