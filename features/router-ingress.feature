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

  Scenario Outline: Router ingress — <situation>
    Given <clerk secret>
    When <visit>
    Then <answer>
    And <aftermath>

    @happy @G1
    Examples: Callers without a session
      | situation             | clerk secret                      | visit                                                  | answer                                                                               | aftermath                                                                |
      | signed-out browser    | the router holds its Clerk secret | a signed-out browser opens the base domain             | the caller is sent to the Clerk sign-in page, with a way back to the base domain     | exec has started nothing: no new instance file and no new worker Machine |
      | signed-out API client | the router holds its Clerk secret | a signed-out API client opens the base domain          | the caller is refused as unauthenticated                                             | exec has started nothing: no new instance file and no new worker Machine |

    @happy
    Examples: Callers with a session
      | situation             | clerk secret                      | visit                                                  | answer                                                                               | aftermath                                                                |
      | signed-in user        | the router holds its Clerk secret | alice, signed in, opens the base domain in her browser | the caller lands on their agent's page, served by a worker Machine of their computer | the router has logged no authentication failure                          |

    @unhappy @fault @destructive @G4 @G19
    Examples: Clerk secret missing
      | situation                        | clerk secret                                            | visit                                                  | answer                                                                               | aftermath                                                                |
      | secret removed, user refused     | the router's Clerk secret has been removed              | alice, signed in, opens the base domain in her browser | the caller is refused as unauthenticated                                             | the router has logged an authentication failure                          |
      | secret removed, exec stays idle  | the router's Clerk secret has been removed              | alice, signed in, opens the base domain in her browser | the caller is refused as unauthenticated                                             | exec has started nothing: no new instance file and no new worker Machine |
      | secret restored, router recovers | the router's Clerk secret was removed and then restored | alice, signed in, opens the base domain in her browser | the caller lands on their agent's page, served by a worker Machine of their computer | the router has logged no authentication failure                          |
