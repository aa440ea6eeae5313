@DEMO-900
Feature: Reruns tell a flaky row from a failed one
  Test-only feature (FlakyRerunTest): one row passes, one fails on its first attempt only, one
  fails every time and guards a made-up gap.

  @happy
  Scenario: a steady row passes
    Given a step that passes

  @unhappy
  Scenario: a flaky row passes only on its rerun
    Given a step that fails on its first attempt only

  @unhappy @G99
  Scenario: a broken row fails every time
    Given a step that always fails
