package io.artifact.flyemu.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.fly.ImageRegistry;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.fly.MachineState;
import io.artifact.flyemu.fly.RealScheduler;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentHostTest {

  static final String MCP_ACCEPT = "application/json, text/event-stream";
  @TempDir Path data;
  RealScheduler scheduler;
  FlyPlatform fly;
  AgentHost host;
  Machine machine;

  @BeforeEach
  void boot() throws Exception {
    scheduler = new RealScheduler(1);
    fly = new FlyPlatform(new FlyPlatform.Settings(Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofSeconds(5), 100, data),
        scheduler, new ImageRegistry().register("host-coder", AgentHost::new));
    fly.createApp("org1-worker-pool", "org1");
    machine = fly.createMachine("org1-worker-pool", null, null,
        new ObjectMapper().createObjectNode().put("image", "registry.fly.io/host-coder:latest"), false);
    machine.when(EnumSet.of(MachineState.STARTED)).get(5, TimeUnit.SECONDS);
    host = (AgentHost) machine.runningProgram();
  }

  @AfterEach
  void stop() {
    fly.shutdown();
    scheduler.close();
  }

  HttpResponse rpc(String json, String accept) throws Exception {
    return host.serve(new HttpRequest("POST", "http", "x", 8080, "/", "",
        Map.of("accept", List.of(accept), "content-type", List.of("application/json")), json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void answersPingAndHasNoPageBeforeItIsLoaded() throws Exception {
    assertThat(host.serve(HttpRequest.of("GET", "x", "/ping")).bodyText()).isEqualTo("pong");
    assertThat(host.serve(HttpRequest.of("GET", "x", "/")).status()).isEqualTo(503);
  }

  @Test
  void theLoadToolAnswersOkAndThenThePageNamesMachineComputerAgentAndImage() throws Exception {
    HttpResponse r = rpc("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"load\","
        + "\"arguments\":{\"computerId\":\"user_a\",\"agentId\":\"brave-otter\"}}}", MCP_ACCEPT);
    assertThat(r.bodyText()).contains("\"structuredContent\":{\"ok\":true}");
    assertThat(host.loaded()).contains(new AgentHost.Loaded("user_a", "brave-otter"));
    String page = host.serve(HttpRequest.of("GET", "x", "/")).bodyText();
    assertThat(page).contains("<dd id=\"computer\">user_a</dd>", "<dd id=\"agent\">brave-otter</dd>",
        "<dd id=\"machine\">" + machine.id() + "</dd>", "registry.fly.io/host-coder:latest");
  }

  @Test
  void aSecondLoadOfAnotherAgentIsAnError() throws Exception {
    rpc("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"load\",\"arguments\":{\"computerId\":\"a\",\"agentId\":\"b\"}}}", MCP_ACCEPT);
    HttpResponse r = rpc("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"load\",\"arguments\":{\"computerId\":\"a\",\"agentId\":\"c\"}}}", MCP_ACCEPT);
    assertThat(r.bodyText()).contains("\"isError\":true").contains("already runs agent b");
  }

  @Test
  void theMcpEndpointFollowsTheStreamableHttpRules() throws Exception {
    assertThat(host.serve(HttpRequest.of("DELETE", "x", "/")).status()).isEqualTo(503);
    assertThat(rpc("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", "application/json").status()).isEqualTo(400);
    assertThat(rpc("not json", MCP_ACCEPT).status()).isEqualTo(400);
    assertThat(rpc("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", MCP_ACCEPT).status()).isEqualTo(202);
  }
}
