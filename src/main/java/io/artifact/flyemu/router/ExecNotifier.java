package io.artifact.flyemu.router;

import io.artifact.flyemu.net.NetworkClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/** Tells exec a computer changed: {@code POST http://<DC_EXEC>/changed/<computer>} over the private network. */
final class ExecNotifier implements ExecPort {

  private final NetworkClient network;
  private final String dcExec;
  private final Consumer<String> log;

  ExecNotifier(NetworkClient network, String dcExec, Consumer<String> log) {
    this.network = network;
    this.dcExec = dcExec;
    this.log = log;
  }

  @Override
  public void kick(String computer, Duration timeout) {
    try {
      HttpResponse<String> r = network.post(url(computer), null, timeout);
      if (r.statusCode() / 100 != 2) {
        throw new ExecUnavailableException("Failed to kick exec app: " + r.statusCode() + " " + r.body(), r.statusCode());
      }
    } catch (IOException e) {
      throw new ExecUnavailableException("Failed to kick exec app: " + e.getMessage(), 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExecUnavailableException("interrupted while kicking exec", 0);
    }
  }

  @Override
  public void notify(String computer) {
    HttpRequest r = HttpRequest.newBuilder(URI.create(url(computer))).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.noBody()).build();
    network.client().sendAsync(r, HttpResponse.BodyHandlers.discarding()).whenComplete((resp, e) -> {
      if (e != null) log.accept("exec notification for " + computer + " failed: " + e.getMessage());
    });
  }

  private String url(String computer) {
    return "http://" + dcExec + "/changed/" + computer;
  }
}
