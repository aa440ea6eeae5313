@WORKER-020
Feature: Worker pool hibernation
  Each agent runs on a worker Machine of its own, and people come and go. While nobody uses an
  agent its Machine should not keep a VM running: the worker pool asks Fly's proxy to suspend a
  Machine once it has been idle for the idle window, and the next visit wakes the very same Machine,
  agent still loaded, before the page is served. A Machine stopped behind the stack's back has lost
  its memory and the agent in it: exec must bring the agent back when the router next signals it,
  so the person coming back gets their agent's page, not an error.

  Background:
    Given the org slice is provisioned
    And what the worker pool and the shared volume already hold is noted
    And alice, signed in, has landed on her agent's page

  Rule: An idle worker Machine is suspended, and the next visit wakes the same Machine

    @happy @G13
    Scenario: Idle Machine suspended, then woken by a visit
      When nobody visits her agent
      Then Fly reports her agent's worker Machine suspended once the idle window has passed
      When alice comes back to her agent's page
      Then the caller lands on their agent's page, served by a worker Machine of their computer
      And it is the same worker Machine, woken by her visit with the agent still loaded

  Rule: A worker Machine stopped behind the stack's back is brought back by the next visit

    @unhappy @fault @G14
    Scenario: Force-stopped Machine brought back for the next visit
      When her agent's worker Machine is force-stopped behind the stack's back
      And alice comes back to her agent's page
      Then the caller lands on their agent's page, served by a worker Machine of their computer
      And the Machine serving her is her computer's only worker Machine
