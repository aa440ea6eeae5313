package io.artifact.e2e.exec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Exec's change notification, reached over the org's private network as the router reaches it
 * ({@code POST http://<exec>.flycast/changed/<computer>}): on the embedded stack through its
 * private-network proxy, on Fly through WireGuard.
 */
public interface ExecPort {

  /** Notifies exec and waits for its reconcile pass; returns its {@code changeCount}. */
  int notifyChanged(String computer);

  /** Notifies exec and returns its answer whatever the status: how a refusal (a back-off) is judged. */
  Answer notifyAnyway(String computer);

  /** What exec answered: status, headers (names as sent) and body. */
  record Answer(int status, Map<String, String> headers, String body) {

    public Answer {
      headers = Map.copyOf(headers);
    }

    public Optional<String> header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    public static Answer of(java.net.http.HttpResponse<String> r) {
      Map<String, String> h = new LinkedHashMap<>();
      r.headers().map().forEach((k, v) -> {
        if (!v.isEmpty()) h.put(k, v.get(0));
      });
      return new Answer(r.statusCode(), h, r.body());
    }
  }
}
