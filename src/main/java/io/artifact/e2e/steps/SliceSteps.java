package io.artifact.e2e.steps;

import io.artifact.e2e.provision.SliceProvisioner;
import io.cucumber.java.en.Given;

/** Phase 1 staging: the org slice a scenario runs against. */
public final class SliceSteps {

  private final SliceProvisioner provisioner;

  public SliceSteps(SliceProvisioner provisioner) {
    this.provisioner = provisioner;
  }

  @Given("the org slice is provisioned")
  public void theOrgSliceIsProvisioned() {
    provisioner.provision();
  }
}
