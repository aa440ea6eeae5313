@smoke @ROUTER-001
Feature: Router ingress and Clerk sign-in
  Every visit to the Artifact domain passes the router. It must send people without a session
  to Clerk's sign-in page and refuse programs without one, and it must take a signed-in user all
  the way to their own agent: their computer is created on the shared volume, their landing agent
  found or created, and a worker Machine started for it, whose page then answers them. Without
  its Clerk secret the router cannot tell anyone apart, so it must refuse everyone, say so in its
  log, and start nothing.

  Background:
    Given the org slice is provisioned
    And what the worker pool and the shared volume already hold is noted

  Rule: Callers without a session are turned away, and nothing is started for them

    @happy @G1
    Scenario Outline: Turned away: <caller> opening the base domain
      Given the router holds its Clerk secret
      When <caller> opens the base domain
      Then the caller <answer>
      And exec has started nothing: no new instance file and no new worker Machine

      Examples: Signed-out callers
        | caller                  | answer                                                                  |
        | a signed-out browser    | is sent to the Clerk sign-in page, with a way back to the base domain |
        | a signed-out API client | is refused as unauthenticated                                          |

  Rule: A signed-in user lands on their own agent, by browser or by program

    @happy
    Scenario Outline: Landing: <caller> opening the base domain
      Given the router holds its Clerk secret
      When <caller> opens the base domain
      Then the caller lands on their agent's page, served by a worker Machine of their computer
      And the router has logged no authentication failure

      Examples: Signed-in callers
        | caller                       |
        | alice's signed-in browser    |
        | alice's signed-in API client |

  Rule: Without its Clerk secret the router refuses everyone, logs it and starts nothing; restored, it lets users in again

    @unhappy @fault @destructive @G4
    Scenario Outline: Secret removed: <caller> is refused
      Given the router's Clerk secret has been removed
      When <caller> opens the base domain
      Then the caller is refused as unauthenticated
      And the router has logged an authentication failure
      And exec has started nothing: no new instance file and no new worker Machine

      Examples: Signed-in callers, refused
        | caller                       |
        | alice's signed-in browser    |
        | alice's signed-in API client |

    @unhappy @fault @destructive @G19
    Scenario: Secret restored: the router recovers
      Given the router's Clerk secret was removed and then restored
      When alice's signed-in browser opens the base domain
      Then the caller lands on their agent's page, served by a worker Machine of their computer
      And the router has logged no authentication failure
