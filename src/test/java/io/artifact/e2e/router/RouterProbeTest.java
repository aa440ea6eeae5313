package io.artifact.e2e.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.artifact.e2e.clerk.SessionToken;
import io.artifact.e2e.evidence.Evidence;
import io.artifact.e2e.evidence.Redactor;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probe against a stand-in edge proxy: what it sends, what it follows, what it records. */
class RouterProbeTest {

  private static final String DOMAIN = "x1.artifact.test";
  private static final String COMPUTER = "user_2abc." + DOMAIN;

  private HttpServer edge;
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final Evidence evidence = new Evidence(new Redactor());

  @BeforeEach
  void edge() throws Exception {
    edge = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    edge.createContext("/", x -> {
      String host = x.getRequestHeaders().getFirst("Host");
      seen.add(x.getRequestURI() + " host=" + host + " cookie=" + x.getRequestHeaders().getFirst("Cookie"));
      byte[] body;
      if (host.equals(DOMAIN)) {
        x.getResponseHeaders().add("Location", "http://" + COMPUTER + "/");
        x.getResponseHeaders().add("Set-Cookie", "edge=1");
        x.sendResponseHeaders(307, -1);
      } else if (host.equals(COMPUTER)) {
        x.getResponseHeaders().add("Location", "http://elsewhere.example/");
        x.sendResponseHeaders(302, -1);
      } else {
        x.sendResponseHeaders(404, 0);
      }
      body = "<h1>page</h1>".getBytes(StandardCharsets.UTF_8);
      if (x.getResponseCode() == 404) x.getResponseBody().write(body);
      x.close();
    });
    edge.start();
  }

  @AfterEach
  void stop() {
    edge.stop(0);
  }

  private RouterProbe probe() {
    return new RouterProbe(Optional.of("http://127.0.0.1:" + edge.getAddress().getPort()), evidence, Duration.ofSeconds(5));
  }

  private static Caller alice() {
    return Caller.browser("alice", new SessionToken("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyXzJhYmMifQ.c2lnbmF0dXJl", "sess_1", "user_2abc",
        Instant.now(), Instant.now().plusSeconds(60)));
  }

  @Test
  void followsRedirectsWithinTheDomainToHostsWithUnderscoresSendingOnlyTheCallersCookies() {
    List<Exchange> hops = probe().follow(DOMAIN, DOMAIN, alice());

    assertThat(hops).extracting(Exchange::status).containsExactly(307, 302);
    assertThat(hops.get(1).url()).isEqualTo("http://" + COMPUTER + "/");
    assertThat(hops.get(1).location()).contains("http://elsewhere.example/");
    // the edge is asked as Fly's proxy is: the public host in the request, the caller's session cookie and nothing the stack set
    assertThat(seen).hasSize(2).allSatisfy(s -> assertThat(s).contains("cookie=__session=").doesNotContain("edge=1"));
    assertThat(seen.get(1)).startsWith("http://" + COMPUTER + "/").contains("host=" + COMPUTER);
  }

  @Test
  void recordsEveryExchangeWithTheSessionRedacted() {
    probe().open("unknown." + DOMAIN, "/missing", alice());

    assertThat(evidence.all()).singleElement().satisfies(a -> {
      assertThat(a.name()).isEqualTo("router-exchange-01.txt");
      assertThat(a.text()).contains("> GET http://unknown." + DOMAIN + "/missing", "< 404", "<h1>page</h1>")
          .contains("__session=«redacted»").doesNotContain("eyJhbGci");
    });
  }

  @Test
  void anEdgeThatIsNotThereIsNamedInTheFailure() {
    edge.stop(0);
    assertThatThrownBy(() -> probe().open(DOMAIN, "/", alice())).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("GET http://" + DOMAIN + "/ through the edge at http://127.0.0.1:" + edge.getAddress().getPort());
  }
}
