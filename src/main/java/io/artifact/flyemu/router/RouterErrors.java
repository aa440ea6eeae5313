package io.artifact.flyemu.router;

import io.artifact.flyemu.http.HttpResponse;
import io.artifact.flyemu.nfs.LayoutException;
import io.artifact.flyemu.nfs.NfsUnavailableException;
import java.util.function.Consumer;

/** The one place the router's failures become answers (DOC statuses instead of the real router's 500s). */
final class RouterErrors {

  static final String RETRY_AFTER = "retry-after";
  static final String RETRY_AFTER_SECONDS = "1";
  static final String BACKOFF_BODY = "Service temporarily unavailable: the shared storage (NFS) cannot be reached; retry in "
      + RETRY_AFTER_SECONDS + " s";

  private RouterErrors() {}

  /**
   * The real router's answer instead of the back-off (G20 IMPL, the {@code defect-no-backoff} variant):
   * the file-system error of a lost mount reaches its {@code onError}, a 500 with the serialized error.
   */
  static HttpResponse withoutBackoff(HttpResponse answer) {
    if (answer.status() != 503 || answer.header(RETRY_AFTER).isEmpty()) return answer;
    return HttpResponse.text(500, "{\n  \"name\": \"Error\",\n  \"message\": \"Input/output error (os error 5)\",\n  \"code\": \"EIO\"\n}");
  }

  /**
   * The real router's answer to an unknown computer (G5 IMPL, §2.5): {@code Deno.stat} throws
   * NotFound before any 404, a 500 with the serialized error.
   */
  static HttpResponse computerNotFoundAsStatError(HttpResponse answer) {
    if (answer.status() != 404 || !answer.bodyText().equals("Computer not found")) return answer;
    return HttpResponse.text(500, "{\n  \"name\": \"NotFound\",\n  \"message\": \"No such file or directory (os error 2): stat '/mnt/computers/…/agents'\",\n  \"code\": \"ENOENT\"\n}");
  }

  static HttpResponse toResponse(RuntimeException e, Consumer<String> logError) {
    if (e instanceof HostnameException) return HttpResponse.text(404, e.getMessage());
    if (e instanceof NfsUnavailableException) {
      // DOC (E2E.md FAULT-050, G20): the share is away, so tell the caller when to come back
      logError.accept(e.getMessage() + "; backing off");
      return HttpResponse.text(503, BACKOFF_BODY).withHeader(RETRY_AFTER, RETRY_AFTER_SECONDS);
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
