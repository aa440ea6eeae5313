package io.artifact.flyemu.fly.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.artifact.flyemu.fly.PlatformFixture;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Calls {@link MachinesApi#handle} in-process, as an authenticated client would over HTTP. */
final class ApiCalls {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MachinesApi api;

  ApiCalls(MachinesApi api) {
    this.api = api;
  }

  HttpResponse call(String method, String target) {
    return call(method, target, null, Map.of());
  }

  HttpResponse call(String method, String target, String body) {
    return call(method, target, body, Map.of());
  }

  HttpResponse call(String method, String target, String body, Map<String, String> extraHeaders) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Authorization", List.of("Bearer " + PlatformFixture.TOKEN));
    extraHeaders.forEach((k, v) -> headers.put(k, List.of(v)));
    return raw(method, target, body, headers);
  }

  HttpResponse raw(String method, String target, String body, Map<String, List<String>> headers) {
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String query = q < 0 ? "" : target.substring(q + 1);
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    try {
      return api.handle(new HttpRequest(method, "http", "127.0.0.1", 4280, path, query, headers, bytes));
    } catch (Exception e) {
      throw new AssertionError("MachinesApi.handle must answer, not throw", e);
    }
  }

  static JsonNode json(HttpResponse r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + r.bodyText(), e);
    }
  }
}
