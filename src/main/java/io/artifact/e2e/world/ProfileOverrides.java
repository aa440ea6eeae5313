package io.artifact.e2e.world;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The profile overrides of one Cucumber run, as a plugin: {@code io.artifact.e2e.world.ProfileOverrides:image.router=…;stack.edge.defect=…}.
 * Several runs in one JVM (the {@code defects} command's kill matrix) each see their own images
 * without touching system properties: the plugin, one per run, tags each of its test cases as it
 * starts, and the scenario's world looks its test case up ({@link #of}) when it begins.
 */
public final class ProfileOverrides implements ConcurrentEventListener {

  /** Test case id → the overrides of the run it belongs to, while it runs. */
  private static final Map<String, Map<String, String>> RUNNING = new ConcurrentHashMap<>();

  private final Map<String, String> overrides;

  public ProfileOverrides(String argument) {
    this.overrides = parse(argument);
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    // a ConcurrentEventListener hears TestCaseStarted on the scenario's thread, before its first hook
    publisher.registerHandlerFor(TestCaseStarted.class, e -> RUNNING.put(e.getTestCase().getId().toString(), overrides));
    publisher.registerHandlerFor(TestCaseFinished.class, e -> RUNNING.remove(e.getTestCase().getId().toString()));
  }

  /** The overrides for the scenario with this id (Cucumber's {@code Scenario.getId()}), empty when its run has none. */
  public static Map<String, String> of(String testCaseId) {
    return RUNNING.getOrDefault(testCaseId, Map.of());
  }

  /** The plugin option for a run with {@code overrides}. */
  public static String plugin(Map<String, String> overrides) {
    return ProfileOverrides.class.getName() + ":" + overrides.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
  }

  static Map<String, String> parse(String argument) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String pair : argument.split(";")) {
      if (pair.isBlank()) continue;
      int eq = pair.indexOf('=');
      if (eq <= 0) throw new IllegalArgumentException("profile override '" + pair + "' is not key=value (plugin " + ProfileOverrides.class.getName() + ")");
      m.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return Map.copyOf(m);
  }
}
