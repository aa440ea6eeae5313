@smoke @BASELINE
Feature: Baseline health of the org slice
  Before any scenario mutates state, ops confirm the slice is sound (runbook Phase 0): the shared
  NFS volume is exported and its self-mount check reports "mount ok", and the router and exec run
  the current images with environment that matches the org prefix and domain. A baseline that
  cannot tell a broken slice from a healthy one is worthless, so the unhappy rows break the slice
  on purpose and expect the check to say exactly what is wrong.

  Background:
    Given the org slice is provisioned

  Rule: A freshly provisioned slice passes the baseline

    @happy @G19
    Scenario: A freshly provisioned slice is healthy
      When ops run the baseline health check
      Then the baseline is healthy

  Rule: A broken slice fails the baseline, which says what is wrong

    @unhappy @fault @destructive @G20
    Scenario: A stopped NFS Machine fails the baseline
      Given the NFS Machine has been stopped
      When ops run the baseline health check
      Then the baseline fails because "NFS mount failed"

    @unhappy @fault @destructive @G19
    Scenario Outline: <app> pointing at another org's worker pool fails the baseline
      Given <app> has been redeployed pointing at the worker pool "org9-worker-pool"
      When ops run the baseline health check
      Then the baseline fails because <app>'s env DC_WORKER_POOL_APP is "org9-worker-pool"

      Examples: Apps redeployed with another org's env
        | app        |
        | the router |
        | exec       |
