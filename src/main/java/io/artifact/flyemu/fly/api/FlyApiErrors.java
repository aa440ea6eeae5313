package io.artifact.flyemu.fly.api;

import static io.artifact.flyemu.fly.api.FlyJson.MAPPER;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.artifact.flyemu.fly.PlatformException;
import io.artifact.flyemu.http.HttpResponse;

/** The one place domain failures become Fly's status codes and {@code {"error": …}} bodies (fly-facts.md §1.1–1.2). */
final class FlyApiErrors {

  private FlyApiErrors() {}

  static HttpResponse response(Exception e) {
    if (e instanceof PlatformException pe) {
      return FlyJson.response(status(pe.kind()), MAPPER.createObjectNode().put("error", pe.getMessage()));
    }
    if (e instanceof JsonProcessingException je) {
      return FlyJson.response(400, MAPPER.createObjectNode().put("error", "invalid_argument: malformed JSON body: " + je.getOriginalMessage()));
    }
    if (e instanceof InterruptedException) Thread.currentThread().interrupt();
    return FlyJson.response(500, MAPPER.createObjectNode().put("error", "internal: " + e.getMessage()));
  }

  static int status(PlatformException.Kind kind) {
    return switch (kind) {
      case NOT_FOUND -> 404;
      case INVALID -> 400;
      case UNAUTHORIZED -> 401;
      case CONFLICT -> 409;
      case PRECONDITION -> 412;
      case TIMEOUT -> 408;
      case UNPROCESSABLE -> 422;
    };
  }
}
