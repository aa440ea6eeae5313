package io.artifact.flyemu;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.flyemu.clerk.ClerkAuthenticator;
import io.artifact.flyemu.edge.Edge;
import io.artifact.flyemu.nfs.ComputerStore;
import io.artifact.flyemu.nfs.Instance;
import io.artifact.flyemu.nfs.NfsRoot;
import io.artifact.flyemu.router.FakeClerk;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole ingress path on a started embedded stack: edge → router → exec → worker → page. */
class EmbeddedStackFlowTest {

  static EmbeddedStack stack;
  static StackOrg org;
  static String edge;

  @BeforeAll
  static void start() throws Exception {
    stack = EmbeddedStack.start(StackSettings.defaults("test-token"), List.of(new Edge()));
    stack.platform().services().register(ClerkAuthenticator.class, new FakeClerk());
    org = new StackOrg(stack, "org9").provisionExec("latest", Map.of());
    org.routerMachine("latest", Map.of("CLERK_SECRET_KEY", FakeClerk.SECRET, "CLERK_PUBLISHABLE_KEY", "pk_test_x"), Map.of());
    edge = stack.endpoints().get("edge");
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  record Response(int statusCode, String location, String body) {}

  /**
   * Through the edge used as a forward proxy. java.net.URL, unlike java.net.URI (and so the JDK
   * HttpClient), accepts the underscore that Clerk user ids put into computer host names.
   */
  static Response get(String url, String... headers) throws Exception {
    Proxy proxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", URI.create(edge).getPort()));
    HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection(proxy);
    c.setInstanceFollowRedirects(false);
    c.setReadTimeout(10_000);
    for (int i = 0; i < headers.length; i += 2) c.setRequestProperty(headers[i], headers[i + 1]);
    int status = c.getResponseCode();
    var in = status >= 400 ? c.getErrorStream() : c.getInputStream();
    String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    return new Response(status, c.getHeaderField("location"), body);
  }

  @Test
  void aSignedInUserFollowsTheRedirectsToAPageServedByTheirWorkerMachine() throws Exception {
    String[] auth = {"Authorization", "Bearer good:User_Flow", "Accept", "text/html"};
    Response base = get("http://" + org.domain + "/", auth);
    assertThat(base.statusCode()).isEqualTo(307);
    String computerUrl = base.location();
    assertThat(computerUrl).isEqualTo("http://user_flow." + org.domain + "/");

    Response computer = get(computerUrl, auth);
    assertThat(computer.statusCode()).isEqualTo(307);
    String agentUrl = computer.location();
    assertThat(agentUrl).matches("http://[a-z]+-[a-z]+--user_flow\\." + org.domain.replace(".", "\\.") + "/");

    Response page = get(agentUrl, auth);
    assertThat(page.statusCode()).isEqualTo(200);
    String agent = agentUrl.substring(7, agentUrl.indexOf("--"));
    Instance instance = new ComputerStore(NfsRoot.at(org.root())).instances().read("user_flow", agent).orElseThrow();
    assertThat(page.body()).contains("<dd id=\"computer\">user_flow</dd>", "<dd id=\"agent\">" + agent + "</dd>",
        "<dd id=\"machine\">" + instance.machineId() + "</dd>", "registry.fly.io/host-coder:latest");
  }

  @Test
  void aSignedOutApiCallerIsRefusedThroughTheEdge() throws Exception {
    Response r = get("http://" + org.domain + "/", "Accept", "application/json");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).isEqualTo("{\"error\":\"unauthenticated\"}");
  }

  @Test
  void theRouterStillAnswersItsHealthChecks() throws Exception {
    assertThat(get("http://" + org.domain + "/_healthz").statusCode()).isEqualTo(200);
  }
}
