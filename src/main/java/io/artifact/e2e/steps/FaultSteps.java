package io.artifact.e2e.steps;

import io.artifact.e2e.exec.ExecJourney;
import io.cucumber.java.en.Given;

/** Faults Fly cannot inject, through the emulator's admin surface (embedded stack only). */
public final class FaultSteps {

  private final ExecJourney exec;

  public FaultSteps(ExecJourney exec) {
    this.exec = exec;
  }

  @Given("the computer's next worker Machine will be killed while it boots")
  public void theComputersNextWorkerMachineWillBeKilledWhileItBoots() {
    exec.killDuringNextBoot();
  }
}
