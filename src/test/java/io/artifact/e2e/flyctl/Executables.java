package io.artifact.e2e.flyctl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Writes a fake's executable so that running it cannot fail with "Text file busy" (ETXTBSY). Test classes
 * run side by side in one JVM, and a child process another class forks inherits every descriptor the JVM has
 * open until it closes them before its exec; if that includes the one this JVM is writing the fake through,
 * running the fake a moment later fails (JDK-8068370). So the JVM writes only a plain copy, and coreutils'
 * {@code install}, a process of its own, creates the executable: no descriptor to it is ever open in the JVM.
 */
final class Executables {

  private Executables() {}

  static Path write(Path file, String text) {
    try {
      Path source = Files.writeString(file.resolveSibling(file.getFileName() + ".source"), text);
      Process install = new ProcessBuilder("install", "-m", "0755", source.toString(), file.toString()).redirectErrorStream(true).start();
      if (!install.waitFor(30, TimeUnit.SECONDS) || install.exitValue() != 0) {
        install.destroyForcibly();
        throw new IOException("install " + file + " failed: " + new String(install.getInputStream().readAllBytes()));
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing " + file, e);
    }
  }
}
