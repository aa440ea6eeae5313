package io.artifact.e2e.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/** {@link FaultPort} over the emulator's {@code /__emulator} routes (its own listener, not the Fly API). */
public final class EmulatorFaults implements FaultPort {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String adminUrl;
  private final String token;
  private final Consumer<String> transcript;
  private final FaultRecord record;

  public EmulatorFaults(String adminUrl, String token, Consumer<String> transcript) {
    this(adminUrl, token, transcript, null);
  }

  /** With a scenario's {@link FaultRecord}: every fault is recorded and its undo registered before it is armed. */
  public EmulatorFaults(String adminUrl, String token, Consumer<String> transcript, FaultRecord record) {
    this.adminUrl = adminUrl;
    this.token = token;
    this.transcript = transcript;
    this.record = record;
  }

  @Override
  public void killDuringNextBoot(String app, String computer) {
    FaultRecord.Step arm = () -> call("POST", "/__emulator/apps/" + app + "/faults/kill-on-boot",
        "{\"metadata_key\":\"dc_computer_id\",\"metadata_value\":\"" + computer + "\",\"reason\":\"killed mid-boot by the suite\"}");
    if (record == null) {
      run(arm);
      return;
    }
    record.inject("armed: the next Machine of " + computer + " dies while it boots", app, "disarm faults of " + app, () -> clear(app), arm);
  }

  @Override
  public void kill(String app, String machineId) {
    FaultRecord.Step kill = () -> call("POST", "/__emulator/apps/" + app + "/machines/" + machineId + "/kill", "{\"reason\":\"killed by the suite\"}");
    if (record == null) {
      run(kill);
      return;
    }
    record.injectIrreversible("Machine " + machineId + " killed (a crash)", app, "a crash is not undone; recovering is the stack's job", kill);
  }

  private static void run(FaultRecord.Step step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void clear(String app) {
    call("DELETE", "/__emulator/apps/" + app + "/faults", null);
  }

  private void call(String method, String path, String body) {
    HttpRequest r = HttpRequest.newBuilder(URI.create(adminUrl + path)).timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
    try {
      HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
      transcript.accept(method + " " + path + " → " + resp.statusCode() + " " + resp.body());
      if (resp.statusCode() != 200) throw new IllegalStateException("emulator refused " + method + " " + path + ": " + resp.statusCode() + " " + resp.body());
    } catch (IOException e) {
      throw new IllegalStateException("emulator admin unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted calling the emulator", e);
    }
  }
}
