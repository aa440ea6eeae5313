@ROUTER-001 @unhappy @adversarial
Feature: Router ingress refuses bad sessions and other users' computers
  A session is only as good as Clerk's backend SDK judges it (fly-facts.md §9.2, §9.3): a token
  that has expired, is not valid yet, was issued in the future, was issued for another site, is
  signed by a key that is not the instance's, or is not a token at all, is no session. The router
  must treat its holder as signed out — a browser goes to Clerk's sign-in page, an API client gets
  refused as unauthenticated (stack-contract.md §2.9, §8 G1) — and exec must start nothing. And a
  signed-in user may reach only their own computer and its agents (stack-contract.md §2.3, §2.9,
  §8 G7): reaching for someone else's is refused and leaves their things as they were.

  Background:
    Given the org slice is provisioned
    And what the worker pool and the shared volume already hold is noted

  Rule: A session Clerk rejects signs nobody in (fly-facts.md §9.2, §9.3; stack-contract.md §2.9, §8 G1)

    @G1
    Scenario Outline: A session that is <bad session> is refused
      Given alice holds a session that is <bad session>
      When alice opens the base domain with that session in her browser
      Then the caller is sent to the Clerk sign-in page, with a way back to the base domain
      When alice opens the base domain with that session from an API client
      Then the caller is refused as unauthenticated
      And exec has started nothing: no new instance file and no new worker Machine

      @instance-signed
      Examples: Only the instance could have signed these (needs capability clerk-signing-key)
        | bad session             |
        | expired                 |
        | not valid yet           |
        | issued in the future    |
        | issued for another site |

      @forgeable
      Examples: Anyone can make these
        | bad session                                       |
        | signed by another key under the instance's key id |
        | signed by a key the instance does not have        |
        | malformed                                         |

  Rule: A signed-in user reaches only their own computer (stack-contract.md §2.3, §2.9 "Authorization of user → computer", §8 G7)

    @G7
    Scenario Outline: Bob reaching for alice's <place> is refused
      Given alice, signed in, has landed on her agent
      When bob, signed in, opens alice's <place> host in his browser
      Then the caller is refused as not allowed to reach that computer
      And nothing of alice's has been touched: her instance files and worker Machines are as they were

      Examples:
        | place    |
        | computer |
        | agent    |
