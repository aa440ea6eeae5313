package io.artifact.e2e.fly;

/** {@code fly.backend=rest}: the Machines API over HTTP. */
class RestFlyPortContractTest extends FlyPortContract {

  @Override
  protected FlyPort connect() {
    return rest();
  }

  @Override
  protected String org() {
    return "org41";
  }
}
