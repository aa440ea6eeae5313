package io.artifact.flyemu.edge;

import io.artifact.flyemu.http.HttpResponse;

/** Fly Proxy's own failures, with the error codes its logs use (fly-facts.md §7.4). */
final class ProxyError {

  private ProxyError() {}

  static HttpResponse of(int status, String code, String message) {
    return HttpResponse.text(status, "fly proxy error " + code + ": " + message).withHeader("fly-proxy-error", code);
  }
}
