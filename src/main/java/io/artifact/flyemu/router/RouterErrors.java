package io.artifact.flyemu.router;

import io.artifact.flyemu.http.HttpResponse;
import io.artifact.flyemu.nfs.LayoutException;
import io.artifact.flyemu.nfs.NfsUnavailableException;
import java.util.function.Consumer;

/** The one place the router's failures become answers (DOC statuses instead of the real router's 500s). */
final class RouterErrors {

  private RouterErrors() {}

  static HttpResponse toResponse(RuntimeException e, Consumer<String> logError) {
    if (e instanceof HostnameException) return HttpResponse.text(404, e.getMessage());
    if (e instanceof NfsUnavailableException) {
      logError.accept(e.getMessage() + "; backing off");
      return HttpResponse.text(503, "Storage unavailable, retry shortly").withHeader("retry-after", "1");
    }
    logError.accept(e.getMessage());
    if (e instanceof ExecUnavailableException x) {
      return x.status() == 503 ? HttpResponse.text(503, e.getMessage()).withHeader("retry-after", "1") : HttpResponse.text(502, e.getMessage());
    }
    if (e instanceof InstanceTimeoutException) return HttpResponse.text(504, e.getMessage());
    if (e instanceof LayoutException) return HttpResponse.text(500, e.getMessage());
    return HttpResponse.text(500, String.valueOf(e.getMessage()));
  }
}
