package io.artifact.flyemu.fly.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.artifact.flyemu.fly.FlyPlatform;
import io.artifact.flyemu.fly.ImageRegistry;
import io.artifact.flyemu.fly.MachineProgram;
import io.artifact.flyemu.fly.RealScheduler;
import io.artifact.flyemu.http.HttpListener;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Machines API on a real loopback listener and the real scheduler: the wire, not the logic. */
class MachinesApiWireTest {

  private static final String TOKEN = "fo1_wire-token";

  @TempDir Path dataDir;
  private RealScheduler scheduler;
  private HttpListener listener;

  @BeforeEach
  void start() {
    scheduler = new RealScheduler(2);
    // boots at once, so a create answer that raced the launch would show it
    ImageRegistry images = new ImageRegistry().defaultBootDelay(Duration.ZERO).register("app", ref -> new MachineProgram() {});
    FlyPlatform fly = new FlyPlatform(new FlyPlatform.Settings(Duration.ofMillis(10), Duration.ofMillis(10),
        Duration.ofSeconds(30), 100, dataDir), scheduler, images);
    fly.allowToken(TOKEN);
    listener = HttpListener.start("machines-api-test", new MachinesApi(fly));
  }

  @AfterEach
  void stop() {
    listener.close();
    scheduler.close();
  }

  private RequestSpecification api() {
    return given().baseUri(listener.baseUrl()).header("Authorization", "Bearer " + TOKEN).contentType("application/json");
  }

  @Test
  void aClientCreatesAMachineOverHttpAndSeesFlysWireFormat() {
    given().baseUri(listener.baseUrl()).get("/v1/apps?org_slug=personal")
        .then().statusCode(401).header("fly-request-id", notNullValue())
        .body(equalTo("{\"error\":\"Authenticate: token validation error\"}"));
    api().body("{\"name\":\"org1-wire\",\"org_slug\":\"personal\"}").post("/v1/apps").then().statusCode(201);

    for (int i = 0; i < 3; i++) {
      String id = api().body("{\"config\":{\"image\":\"registry.fly.io/app:v1\"}}").post("/v1/apps/org1-wire/machines")
          .then().statusCode(200).contentType("application/json").header("fly-request-id", matchesPattern("[0-9a-f]{20}"))
          .body("state", equalTo("created")).body("config.image", equalTo("registry.fly.io/app:v1"))
          .extract().path("id");
      api().get("/v1/apps/org1-wire/machines/" + id + "/wait?state=started&timeout=5")
          .then().statusCode(200).body("ok", equalTo(true)).body("state", equalTo("started"));
    }
    List<String> states = api().get("/v1/apps/org1-wire/machines").then().statusCode(200).extract().path("state");
    assertThat(states).hasSize(3).containsOnly("started");
    api().body("[]").post("/v1/apps/org1-wire/machines/" + api().get("/v1/apps/org1-wire/machines").then().extract().path("[0].id") + "/stop")
        .then().statusCode(400);
  }
}
