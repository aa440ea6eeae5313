@runbook-more
Feature: More runbook checks, for other casts, counts and states
  The scenario matrix and the runbook's phases ask for more than one cast per row. These rows
  take behaviours the suite already checks for one user, one agent or one state and ask them of
  another: two users side by side, one of two agents stopped or killed while it boots, a user
  coming back through the base domain to a suspended Machine, a good release after a rejected
  one, a revoked org token asked to change something, signed-out callers while the router has
  no Clerk secret, and exec while the NFS Machine is only suspended. They were written from the
  step catalogue alone, to measure how far its vocabulary composes (issue 9).

  Rule: The router keeps each user on their own computer, and without its Clerk secret lets nobody in

    Background:
      Given the org slice is provisioned
      And what the worker pool and the shared volume already hold is noted

    @ROUTER-001 @happy
    Scenario: Two users each land on a worker Machine of their own computer
      When alice's signed-in browser opens the base domain
      Then the caller lands on their agent's page, served by a worker Machine of their computer
      When bob's signed-in API client opens the base domain
      Then the caller lands on their agent's page, served by a worker Machine of their computer
      And alice's computer runs 1 agent, on 1 worker Machine
      And bob's computer runs 1 agent, on 1 worker Machine

    @ROUTER-001 @unhappy @fault @destructive @G4
    Scenario Outline: Secret removed: <caller> is refused as unauthenticated too
      Given the router's Clerk secret has been removed
      When <caller> opens the base domain
      Then the caller is refused as unauthenticated
      And exec has started nothing: no new instance file and no new worker Machine

      Examples: Signed-out callers, while the router cannot tell anyone apart
        | caller                  |
        | a signed-out browser    |
        | a signed-out API client |

  Rule: Exec starts and stops each agent of a computer on its own

    Background:
      Given the org slice is provisioned
      And computer "erin" has agent "brave-otter" on the shared volume
      And computer "erin" has agent "quiet-lynx" on the shared volume

    @EXEC-010 @unhappy @fault @G10 @G12
    Scenario: A Machine killed mid-boot holds up neither of a computer's two agents
      Given the computer's next worker Machine will be killed while it boots
      When the instances of "brave-otter" and "quiet-lynx" are queued and exec is notified
      Then the instance files of "brave-otter" and "quiet-lynx" are running, each on a worker Machine of its own
      And computer "erin" has 2 worker Machines

    @EXEC-010 @happy
    Scenario: Stopping one of two agents leaves the other running
      Given the instances of "brave-otter" and "quiet-lynx" are queued and exec is notified
      And the instance files of "brave-otter" and "quiet-lynx" are running, each on a worker Machine of its own
      When the instance of "quiet-lynx" is marked stopped and exec is notified
      Then computer "erin" has 1 worker Machine
      And the instance files of "brave-otter" are running, each on a worker Machine of its own

  Rule: A suspended worker Machine is woken by its user however they come back

    @WORKER-020 @happy @G13 @G6
    Scenario: Coming back through the base domain wakes the same suspended Machine
      Given the org slice is provisioned
      And what the worker pool and the shared volume already hold is noted
      And alice, signed in, has landed on her agent's page
      When nobody visits her agent
      Then Fly reports her agent's worker Machine suspended once the idle window has passed
      When alice opens the base domain again
      Then the caller lands on their agent's page, served by a worker Machine of their computer
      And it is the same worker Machine, woken by her visit with the agent still loaded

  Rule: A rejected release does not block the next good one

    @AGENT-030 @unhappy @fault @destructive @G16 @G17
    Scenario Outline: A valid release published after one with <problem> reaches the next new agent
      Given the org slice is provisioned
      And alice, signed in, has her agent running on the current "host-coder" release
      When a new "host-coder" release is published with <problem>
      And bob's signed-in browser opens the base domain
      Then exec has logged that it rejected the manifest, naming the file and what is wrong
      And bob's agent runs on the release before
      When a new "host-coder" release is published
      And carol's signed-in browser opens the base domain
      Then carol's agent runs on the new release
      And no worker Machine runs the rejected release
      And alice's agent is still served by the same worker Machine, on the release before

      Examples: manifests exec cannot use, then a good one
        | problem        |
        | bad JSON       |
        | no memory size |

  Rule: A revoked org token changes nothing

    @CONTROL-040 @unhappy @fault @control-plane @G21
    Scenario: A revoked org token cannot create a Machine
      Given the control plane offers its tools to the slice's org token
      And the worker pool app exists
      And the slice's org token has been revoked
      When ops create a Machine in the worker pool in region "syd"
      Then the call is refused with "was revoked"
      And an alert "revoked_token_used" is raised for the slice
      And no Machine has been added to the worker pool

  Rule: Exec backs off a short NFS outage too, and recovers by itself

    @FAULT-050 @happy @fault @destructive @G20
    Scenario: Exec backs off while the NFS Machine is suspended, then runs the queued agent
      Given the org slice is provisioned
      And the stack is healthy
      And computer "dave" has agent "calm-heron" on the shared volume
      And the agent's instance is queued
      And the NFS Machine has been suspended
      When exec is notified of the change
      Then exec asks the caller to retry later
      When the NFS Machine is back
      Then exec brings the agent's instance to running by itself
      And the stack is healthy
