@smoke @EXEC-010
Feature: Exec reconciles instance files into worker Machines
  Exec turns what the shared volume asks for into worker Machines: an agent queued to run gets a
  Machine labelled with its computer, is loaded on it and marked running; an agent marked stopped
  loses its Machine and its instance file. Hardware fails: a Machine that dies while it boots must
  send the instance back to the queue and be replaced, and an instance whose Machine vanished must
  not keep pointing at it. Each scenario shows the worker pool before and after and every state
  the instance file went through.

  Background:
    Given the org slice is provisioned
    And computer "carol" has agent "brave-otter" on the shared volume

  Rule: A queued instance gets a worker Machine labelled with its computer, and runs on it

    @happy
    Scenario: A queued instance starts
      Given no worker Machine is running for the computer
      When the agent's instance is queued and exec is notified
      Then a worker Machine labelled with the computer appears
      And the instance file reaches running with that Machine

    @unhappy @fault @G10 @G12
    Scenario: A Machine killed mid-boot is replaced
      Given the computer's next worker Machine will be killed while it boots
      When the agent's instance is queued and exec is notified
      Then the instance file goes from starting back to queued
      And the instance file reaches running on a second worker Machine

  Rule: An instance that is stopped, or whose Machine vanished, leaves neither Machine nor file

    @happy
    Scenario: A stopped instance goes away
      Given the agent's instance is running on a worker Machine
      When the agent's instance is marked stopped and exec is notified
      Then the agent's worker Machine is destroyed
      And the agent's instance file is removed

    @unhappy @fault @G19
    Scenario: An instance whose Machine vanished is removed
      Given the agent's instance is running on a worker Machine
      And its worker Machine has been destroyed behind exec's back
      When exec is notified of the change
      Then the agent's instance file is removed
      And no worker Machine is left for the computer
