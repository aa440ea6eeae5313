package io.artifact.e2e.fly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Fly adapter's transport: the JDK HTTP client behind a small fluent request builder. The
 * adapter makes hundreds of calls per run; rest-assured spent 8–17 ms of CPU on each (Groovy
 * dispatch) against 0.3 ms here, which alone decided the smoke run's length on two cores.
 * rest-assured stays where it shines: probing the stack's HTTP answers in steps.
 */
final class FlyHttp {

  /** A status, a body and a {@code Retry-After}, all the adapter reads; {@code endpoint} names the call in errors. */
  record Response(int statusCode, String asString, java.util.Optional<String> retryAfter, String endpoint) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .version(HttpClient.Version.HTTP_1_1).build();
  private final Duration callTimeout;

  FlyHttp(Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

  Request to(String baseUrl, String authorization) {
    return new Request(baseUrl, authorization);
  }

  /** One request being built; path templates take {@code {name}} segments filled in order, URL-encoded. */
  final class Request {
    private final String baseUrl;
    private final String authorization;
    private final Map<String, String> query = new LinkedHashMap<>();
    private String body;

    private Request(String baseUrl, String authorization) {
      this.baseUrl = baseUrl;
      this.authorization = authorization;
    }

    Request queryParam(String name, Object value) {
      query.put(name, String.valueOf(value));
      return this;
    }

    /** A body built with Jackson (a node, a map): never JSON assembled from strings. */
    Request body(Object json) {
      if (json instanceof CharSequence) throw new IllegalArgumentException("request bodies are built with Jackson, not from strings");
      try {
        body = JSON.writeValueAsString(json);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("cannot encode request body", e);
      }
      return this;
    }

    Response get(String path, Object... args) {
      return send("GET", path, args);
    }

    Response post(String path, Object... args) {
      return send("POST", path, args);
    }

    Response delete(String path, Object... args) {
      return send("DELETE", path, args);
    }

    private Response send(String method, String template, Object[] args) {
      StringBuilder path = new StringBuilder();
      int arg = 0;
      for (String part : template.split("(?=\\{)|(?<=\\})")) {
        path.append(part.startsWith("{") && part.endsWith("}") ? encode(String.valueOf(args[arg++])) : part);
      }
      String q = query.isEmpty() ? "" : "?" + query.entrySet().stream()
          .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
      HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(baseUrl + path + q)).timeout(callTimeout)
          .header("Authorization", authorization).header("Accept", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (body != null) r.header("Content-Type", "application/json");
      try {
        HttpResponse<String> resp = client.send(r.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(resp.statusCode(), resp.body(), resp.headers().firstValue("Retry-After"), method + " " + path);
      } catch (IOException e) {
        throw new UncheckedIOException(method + " " + baseUrl + path + ": " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted: " + method + " " + path, e);
      }
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
