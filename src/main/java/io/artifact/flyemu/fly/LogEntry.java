package io.artifact.flyemu.fly;

import java.time.Instant;

/** One log line of an app, in the fields flyctl shows (fly-facts.md §5.2). */
public record LogEntry(String id, Instant timestamp, String instance, String region, String level, String message) {}
