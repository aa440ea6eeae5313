package io.artifact.flyemu.standalone;

import io.artifact.flyemu.apps.ArtifactApp;
import io.artifact.flyemu.exec.ExecApp;
import io.artifact.flyemu.exec.ExecVariants;
import io.artifact.flyemu.fly.ImageRef;
import io.artifact.flyemu.fly.ImageRegistry;
import io.artifact.flyemu.http.HttpListener;
import io.artifact.flyemu.router.RouterApp;
import io.artifact.flyemu.router.RouterVariants;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One app image's behaviour run outside any platform ({@code stack app}): the router or exec as a
 * developer would run the real ones, on a loopback port, configured by env alone, logging to the
 * given sink. Put it behind the embedded platform with an {@code external+http://127.0.0.1:<port>}
 * image. The emulator's one entry point for a program that is not the embedded stack itself.
 */
public final class StandaloneApp implements AutoCloseable {

  /** The images that need nothing of a platform but env, HTTP and a directory (NFS needs a volume, a worker its Machine). */
  private static final ImageRegistry IMAGES = new ImageRegistry()
      .register(RouterApp.IMAGE, RouterVariants.tags(), RouterApp::new)
      .register(ExecApp.IMAGE, ExecVariants.tags(), ExecApp::new);

  private final ImageRef image;
  private final ArtifactApp app;
  private final StandaloneRuntime runtime;
  private final HttpListener listener;

  private StandaloneApp(ImageRef image, ArtifactApp app, StandaloneRuntime runtime, HttpListener listener) {
    this.image = image;
    this.app = app;
    this.runtime = runtime;
    this.listener = listener;
  }

  /**
   * Boots {@code image} with {@code env} (as a Machine's, {@code PORT} set to {@code port}) and serves
   * it on {@code 127.0.0.1:port} (0 picks a free port). An image it cannot run is an
   * {@link IllegalArgumentException} in the registry's words.
   */
  public static StandaloneApp start(String image, int port, Map<String, String> env, Consumer<String> log) {
    ImageRef ref = ImageRef.parse(image);
    IMAGES.pullError(ref).ifPresent(e -> {
      throw new IllegalArgumentException(e + "; stack app runs " + String.join(" and ", IMAGES.names()) + " images");
    });
    ArtifactApp app = (ArtifactApp) IMAGES.programFor(ref);
    Map<String, String> withPort = new LinkedHashMap<>(env);
    if (port > 0) withPort.put("PORT", String.valueOf(port));
    StandaloneRuntime runtime = new StandaloneRuntime(withPort, log);
    try {
      app.start(runtime);
      return new StandaloneApp(ref, app, runtime, HttpListener.start("standalone-" + ref.name(), port, app::serve));
    } catch (RuntimeException e) {
      app.shutdown();
      runtime.close();
      throw e;
    }
  }

  public String image() { return image.raw(); }
  public int port() { return listener.port(); }
  public String url() { return listener.baseUrl(); }

  @Override
  public void close() {
    listener.close();
    app.shutdown();
    runtime.close();
  }
}
