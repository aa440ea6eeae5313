package io.artifact.e2e.cli;

import io.artifact.flyemu.standalone.StandaloneApp;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code stack app}: one app image's behaviour (the emulator's router or exec) as a process of its
 * own, configured like the real app by the process env, logging to stdout, until SIGTERM. Behind
 * {@code stack up --image router=external+http://127.0.0.1:<port>} it stands in for the real app
 * a developer runs on a laptop. The one CLI class that touches the emulator besides the embedded
 * target, and only through its standalone entry point.
 */
@Command(name = "app", mixinStandardHelpOptions = true,
    description = "Run one app image (fly-router, fly-exec) outside any platform: env from this process, logs on stdout, HTTP on --port.")
public final class StackAppCommand implements Callable<Integer> {

  @Option(names = "--image", required = true, paramLabel = "REF", description = "e.g. registry.fly.io/fly-router:doc or registry.fly.io/fly-exec:defect-no-retry")
  String image;

  @Option(names = "--port", paramLabel = "N", description = "Loopback port to serve on (default: $PORT, else 8080).")
  Integer port;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    StandaloneApp app;
    try {
      app = StandaloneApp.start(image, port(), System.getenv(), line -> {
        synchronized (out) {
          out.println(line);
          out.flush();
        }
      });
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.close();
      stopped.countDown();
    }, "stack-app-shutdown"));
    synchronized (out) {
      out.println("serving " + app.image() + " on " + app.url() + " outside any platform; SIGTERM or Ctrl-C stops it");
      out.flush();
    }
    stopped.await();
    return 0;
  }

  private int port() {
    if (port != null) return port;
    String fromEnv = Optional.ofNullable(System.getenv("PORT")).orElse("8080");
    try {
      return Integer.parseInt(fromEnv.trim());
    } catch (NumberFormatException e) {
      throw new ParameterException(spec.commandLine(), "PORT must be a port number (was '" + fromEnv + "'); or pass --port");
    }
  }
}
