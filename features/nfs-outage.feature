@FAULT-050 @fault @destructive @G19 @G20
Feature: NFS outage drill
  Every computer, agent and instance file lives on the one shared NFS volume, so when the NFS
  Machine goes away the router and exec lose the ground under them at once. They must notice and
  back off instead of failing: the router asks its callers to come back a little later, and exec
  answers a change it cannot read the same way and retries it by itself, less often each time. An
  outage that outlasts the grace period is an incident: the router and exec each raise an alert
  that ops find in their logs. Once NFS is back both recover without anyone's help, and nothing
  on the volume is lost. Every drill starts and ends with a healthy stack; one that leaves it
  broken fails, whatever else held.

  While NFS is away the answer is "503 Service Unavailable" with a "Retry-After" header. An alert
  is one log line: ALERT, then a JSON object such as {"alert":"nfs_unavailable","app":…,"since":…}
  (E2E.md FAULT-050, stack-contract.md §8 G20; the docs name neither, so these are the suite's
  documented choices, which a target may override).

  Background:
    Given the org slice is provisioned
    And the stack is healthy

  Rule: While NFS is away the router asks callers to retry later, and serves them again once it is back

    Scenario Outline: The router backs off while the NFS Machine is <outage>
      Given the NFS Machine has been <outage>
      When alice's signed-in browser opens the base domain
      Then the router asks the caller to retry later
      When the NFS Machine is back
      And alice's signed-in browser opens the base domain
      Then the caller lands on their agent's page, served by a worker Machine of their computer
      And the stack is healthy

      @happy
      Examples: A short outage
        | outage    |
        | suspended |
        | stopped   |

  Rule: An outage past the grace period raises an alert, and once NFS is back nothing on it is lost

    Scenario Outline: Alert from <app> when the NFS Machine stays <outage> past the grace period
      Given computer "dave" has agent "calm-heron" on the shared volume
      And the agent's instance is queued
      And the NFS Machine has been <outage>
      When exec is notified of the change
      Then exec asks the caller to retry later
      When the NFS Machine stays <outage> for longer than the grace period
      Then <app> has raised an alert for the NFS outage after the grace period
      When the NFS Machine is back
      Then every instance file on the shared volume before the outage is still there
      And exec brings the agent's instance to running by itself
      And the stack is healthy

      @unhappy
      Examples: NFS down longer than the grace period
        | app        | outage  |
        | the router | stopped |
        | exec       | stopped |
