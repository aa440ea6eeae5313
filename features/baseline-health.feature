@smoke @BASELINE
Feature: Baseline health of the org slice
  Before any scenario mutates state, ops confirm the slice is sound (runbook Phase 0): the shared
  NFS volume is exported and its self-mount check reports "mount ok", and the router and exec run
  the current images with environment that matches the org prefix and domain. A baseline that
  cannot tell a broken slice from a healthy one is worthless, so the unhappy rows break the slice
  on purpose and expect the check to say exactly what is wrong.

  Background:
    Given the org slice is provisioned

  Scenario Outline: Baseline health — <situation>
    Given <change>
    When ops run the baseline health check
    Then <verdict>

    @happy @G19
    Examples: Healthy slice
      | situation             | change                                       | verdict                  |
      | freshly provisioned   | nothing has been changed since provisioning  | the baseline is healthy  |

    @unhappy @fault @destructive @G19
    Examples: Broken slice
      | situation                     | change                                                                 | verdict                                                           |
      | NFS Machine stopped           | the NFS Machine has been stopped                                       | the baseline fails because "NFS mount failed"                     |
      | router env from another org   | the router has been redeployed pointing at the worker pool "org9-worker-pool" | the baseline fails because "router env DC_WORKER_POOL_APP is 'org9-worker-pool'" |
