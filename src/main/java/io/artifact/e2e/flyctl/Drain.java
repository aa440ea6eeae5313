package io.artifact.e2e.flyctl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads a child's output stream to the end on its own daemon thread, so a chatty child never
 * blocks on a full pipe while the caller waits for it to exit.
 */
final class Drain {

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final Thread thread;

  private Drain(InputStream in, String name) {
    thread = new Thread(() -> copy(in), name);
    thread.setDaemon(true);
    thread.start();
  }

  static Drain of(InputStream in, String name) {
    return new Drain(in, name);
  }

  private void copy(InputStream in) {
    byte[] chunk = new byte[8192];
    try (in) {
      for (int n; (n = in.read(chunk)) >= 0; ) {
        synchronized (buffer) {
          buffer.write(chunk, 0, n);
        }
      }
    } catch (IOException e) {
      // the stream closes under us when the child is destroyed: what was read so far is the output
    }
  }

  /** What was read, after waiting at most {@code bound} for the end (a grandchild may hold the pipe open). */
  String text(Duration bound) {
    try {
      thread.join(Math.max(1, bound.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return text();
  }

  /** What was read so far. */
  String text() {
    synchronized (buffer) {
      return buffer.toString(StandardCharsets.UTF_8);
    }
  }
}
