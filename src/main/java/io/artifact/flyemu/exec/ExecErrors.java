package io.artifact.flyemu.exec;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.artifact.flyemu.apps.AppRuntime;
import io.artifact.flyemu.http.HttpResponse;
import io.artifact.flyemu.nfs.LayoutException;
import io.artifact.flyemu.nfs.NfsUnavailableException;
import io.artifact.flyemu.nfs.UnknownComputerException;
import java.util.concurrent.TimeoutException;

/** The one place exec's failures become answers to a change notification. */
final class ExecErrors {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ExecErrors() {}

  /** An outage of the NFS mount is answered as {@code outages} says; anything else by its kind. */
  static HttpResponse toResponse(Throwable e, AppRuntime rt, NfsOutages outages) {
    if (e instanceof NfsUnavailableException nfs) return outages.answer(nfs, rt);
    if (e instanceof UnknownComputerException) return error(404, e.getMessage());
    if (e instanceof TimeoutException) return error(504, "reconcile still running");
    rt.logError("reconcile failed: " + e.getMessage());
    if (e instanceof FlyApiException) return error(502, e.getMessage());
    if (e instanceof LayoutException) return error(500, e.getMessage());
    return error(500, String.valueOf(e.getMessage()));
  }

  static HttpResponse misconfigured(String why) {
    return error(500, why);
  }

  static HttpResponse error(int status, String message) {
    return HttpResponse.json(status, JSON.createObjectNode().put("error", message).toString());
  }
}
