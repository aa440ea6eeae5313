package io.artifact.flyemu.fly;

import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What runs inside an embedded Machine: the behaviour an image reference selects. The platform
 * calls {@link #boot} once the image's boot delay has passed, routes private-network and edge
 * requests to {@link #serve} while the Machine is started, and {@link #shutdown} when its main
 * process ends. A suspended Machine keeps its program (memory snapshot); a stopped one loses it.
 */
public interface MachineProgram {

  /** Cold boot. Throwing makes the main process exit with code 1, as a crashing entrypoint does. */
  default void boot(MachineRuntime runtime) throws Exception {}

  /**
   * Completes once the program accepts traffic after {@link #boot}; the Machine stays in its
   * transient state until then. Failing it ends the boot as a crashing entrypoint does. Most
   * programs are ready when boot returns; one that waits for something outside must not block
   * boot (it runs on the platform's scheduler) but answer here instead.
   */
  default CompletionStage<Void> ready() {
    return CompletableFuture.completedFuture(null);
  }

  default HttpResponse serve(HttpRequest request) throws Exception {
    return HttpResponse.text(404, "404 Not Found");
  }

  /** Health checks as Fly would show them on the Machine object. */
  default List<Check> checks() {
    return List.of();
  }

  default void shutdown() {}
}
