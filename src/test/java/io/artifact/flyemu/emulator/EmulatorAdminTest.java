package io.artifact.flyemu.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.artifact.flyemu.EmbeddedStack;
import io.artifact.flyemu.StackSettings;
import io.artifact.flyemu.fly.Machine;
import io.artifact.flyemu.fly.MachineState;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmulatorAdminTest {

  EmbeddedStack stack;
  EmulatorAdmin admin;

  @BeforeEach
  void start() {
    admin = new EmulatorAdmin();
    stack = EmbeddedStack.start(StackSettings.defaults("admin-token"), List.of(admin));
    stack.platform().createApp("org3-worker-pool", "org3");
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  HttpResponse call(String method, String path, String body, String token) throws Exception {
    return admin.handle(new HttpRequest(method, "http", "127.0.0.1", 80, path, "",
        token == null ? Map.of() : Map.of("authorization", List.of("Bearer " + token)), body.getBytes(StandardCharsets.UTF_8)));
  }

  Machine worker(String computer) throws Exception {
    var config = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("image", "registry.fly.io/host-coder:latest")
        .put("auto_destroy", true);
    config.putObject("metadata").put("dc_computer_id", computer);
    return stack.platform().createMachine("org3-worker-pool", null, null, config, false);
  }

  @Test
  void refusesCallersWithoutThePlatformToken() throws Exception {
    assertThat(call("DELETE", "/__emulator/apps/org3-worker-pool/faults", "", null).status()).isEqualTo(401);
    assertThat(call("DELETE", "/__emulator/apps/org3-worker-pool/faults", "", "wrong").status()).isEqualTo(401);
  }

  @Test
  void anArmedBootFaultKillsOnlyTheNextMachineOfThatComputer() throws Exception {
    String arm = "{\"metadata_value\":\"c1\",\"reason\":\"test\"}";
    assertThat(call("POST", "/__emulator/apps/org3-worker-pool/faults/kill-on-boot", arm, "admin-token").status()).isEqualTo(200);
    Machine other = worker("c2");
    Machine victim = worker("c1");
    victim.when(EnumSet.of(MachineState.DESTROYED)).get(3, TimeUnit.SECONDS);
    // created only after the victim died: with two c1 boots in flight either could be "the next"
    Machine next = worker("c1");
    other.when(EnumSet.of(MachineState.STARTED)).get(3, TimeUnit.SECONDS);
    next.when(EnumSet.of(MachineState.STARTED)).get(3, TimeUnit.SECONDS);
    assertThat(victim.events()).anyMatch(e -> e.status().equals("killed"));
  }

  @Test
  void killsARunningMachineOnRequestAndDisarmsFaults() throws Exception {
    Machine m = worker("c3");
    m.when(EnumSet.of(MachineState.STARTED)).get(3, TimeUnit.SECONDS);
    assertThat(call("POST", "/__emulator/apps/org3-worker-pool/machines/" + m.id() + "/kill", "", "admin-token").status()).isEqualTo(200);
    assertThat(m.state()).isIn(MachineState.STOPPED, MachineState.DESTROYED);
    call("POST", "/__emulator/apps/org3-worker-pool/faults/kill-on-boot", "{\"metadata_value\":\"c4\"}", "admin-token");
    assertThat(call("DELETE", "/__emulator/apps/org3-worker-pool/faults", "", "admin-token").bodyText()).isEqualTo("{\"disarmed\":1}");
  }
}
