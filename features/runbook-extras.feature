@runbook-extras
Feature: Runbook checks beyond the first matrix rows
  The scenario matrix names one happy and one unhappy variant per row; the runbook's phases and the
  stack contract ask for more. The router must know which computers exist and keep one landing agent
  per computer however often its user comes back, and (in router-ingress.feature) a signed-in
  program must get in as a browser does. Exec must give every agent of a computer its own worker
  Machine, leave alone what has not changed, and clean up an instance whose Machine is already gone. The Phase 0 baseline must notice
  exec pointing at another org as it does the router (a row of baseline-health.feature), and a
  revoked org token must not provision.

  Rule: The router knows which computers exist and keeps one landing agent per computer

    Background:
      Given the org slice is provisioned
      And what the worker pool and the shared volume already hold is noted

    @ROUTER-001 @unhappy @G5
    Scenario: A computer host for a computer that does not exist is not found
      When bob's signed-in browser opens his computer host before ever opening the base domain
      Then the caller is told the computer does not exist
      And exec has started nothing: no new instance file and no new worker Machine

    @ROUTER-001 @happy @G6
    Scenario: A user coming back lands on the same agent
      When alice's signed-in browser opens the base domain
      Then the caller lands on their agent's page, served by a worker Machine of their computer
      When alice opens the base domain again
      Then the caller lands on their agent's page, served by a worker Machine of their computer
      And alice's computer runs 1 agent, on 1 worker Machine

  Rule: Exec reconciles every agent of a computer, and only what changed

    Background:
      Given the org slice is provisioned
      And computer "erin" has agent "brave-otter" on the shared volume

    @EXEC-010 @happy
    Scenario: Two agents on one computer each get a worker Machine of their own
      Given computer "erin" has agent "quiet-lynx" on the shared volume
      When the instances of "brave-otter" and "quiet-lynx" are queued and exec is notified
      Then computer "erin" has 2 worker Machines
      And the instance files of "brave-otter" and "quiet-lynx" are running, each on a worker Machine of its own

    @EXEC-010 @happy
    Scenario: A notification when nothing changed changes nothing
      Given the agent's instance is running on a worker Machine
      When exec is notified of the change
      Then exec answers with nothing to change
      And the instance file is running again on the only worker Machine it ever named

    @EXEC-010 @unhappy @fault @G19
    Scenario: A stopped instance whose Machine is already gone is removed
      Given the agent's instance is running on a worker Machine
      And its worker Machine has been destroyed behind exec's back
      When the agent's instance is marked stopped and exec is notified
      Then the agent's instance file is removed
      And no worker Machine is left for the computer

  Rule: A revoked org token provisions nothing

    @CONTROL-040 @unhappy @fault @G21
    Scenario: A revoked org token cannot provision the slice
      Given the control plane offers its tools to the slice's org token
      And the slice's org token has been revoked
      When ops provision the slice through the control plane
      Then the call is refused with "was revoked"
      And an alert "revoked_token_used" is raised for the slice
