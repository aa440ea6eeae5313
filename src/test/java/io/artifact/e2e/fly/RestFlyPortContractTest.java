package io.artifact.e2e.fly;

/** {@code fly.backend=rest}: the Machines API over HTTP. */
class RestFlyPortContractTest extends FlyPortContract {

  final FlyPort fly = rest();

  @Override
  protected FlyPort fly() {
    return fly;
  }

  @Override
  protected String org() {
    return "org41";
  }
}
