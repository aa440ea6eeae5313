@TOOLKIT @fault
Feature: Fault injection techniques, each reverted, the stack healthy before and after
  The runbook's fault toolkit (Phase 4): the router's Clerk secret set to an invalid value, a user's
  session expiring mid-visit, instance files drifting behind exec's back, a slow or lossy link
  between the router and exec. Every fault
  is recorded with its undo before it goes in, and is undone whatever happens. Around each one runs
  a steady-state check, as in a chaos experiment: the stack must pass the Phase 0 baseline before
  the fault goes in and again once it is reverted. A scenario that leaves the stack unhealthy fails
  even if each of its own checks held.

  Background:
    Given the org slice is provisioned
    And the stack is in its steady state

  Rule: With an invalid Clerk secret the router refuses signed-in users, and it lets them in again once the secret is reverted

    @unhappy @destructive @secret-flip @G1 @G19
    Scenario: Clerk secret flipped to an invalid value, then reverted
      Given the router's Clerk secret has been flipped to an invalid value
      When alice's signed-in browser opens the base domain
      Then the caller is refused as unauthenticated
      And the router has logged an authentication failure
      When the fault is reverted
      And alice opens the base domain again
      Then the caller lands on their agent's page, served by a worker Machine of their computer
      And once the fault is reverted the stack is back in its steady state

  Rule: A session that expires mid-scenario no longer gets in, and its user is sent to sign in again

    @unhappy @token-expiry @G1 @G19
    Scenario: Router session expires mid-scenario
      When alice, signed in with a session that expires after 5 seconds, opens the base domain in her browser
      Then the caller lands on their agent's page, served by a worker Machine of their computer
      When her session has expired
      And alice opens the base domain again
      Then the caller is sent to the Clerk sign-in page, with a way back to the base domain
      And once the fault is reverted the stack is back in its steady state

  Rule: Exec handles an instance file that drifted behind its back as its contract says, and recovers once the file is put back

    @drift @G19
    Scenario Outline: Instance file <drift> behind exec's back
      Given computer "dave" has agent "calm-heron" on the shared volume
      And the agent's instance is running on a worker Machine
      When the agent's instance file is <drift> behind exec's back
      And exec is notified of the change
      Then exec answers with <answer>
      When the fault is reverted
      And exec is notified of the change
      Then exec answers with nothing to change
      And the instance file is running again on the only worker Machine it ever named
      And once the fault is reverted the stack is back in its steady state

      @unhappy
      Examples: Kinds of drift
        | drift     | answer            |
        | removed   | nothing to change |
        | truncated | a server error    |
        | corrupted | a server error    |

  Rule: On a bad link to exec the router retries its kick, so the user lands on their agent or gets a clear 503, and never waits forever

    @destructive @network @G19
    Scenario Outline: Router-to-exec link with <perturbation>
      Given the link from the router to exec suffers <perturbation>
      When alice's signed-in browser opens the base domain
      Then within the router's bound the caller <answer>
      And the router's kick to exec <kick>
      And once the fault is reverted the stack is back in its steady state

      @happy
      Examples: The link is slow
        | perturbation      | answer               | kick                        |
        | 300 ms of latency | lands on their agent | got through without a retry |

      @unhappy
      Examples: The link drops connections
        | perturbation                  | answer                      | kick                          |
        | resets on 3 in 4 connections  | lands on their agent        | got through after a retry     |
        | resets on every connection    | is told exec is unavailable | was retried, then given up    |
