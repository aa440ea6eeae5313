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

  Scenario Outline: Exec reconciliation — <situation>
    Given <before>
    When <change>
    Then <outcome>
    And <then>

    @happy
    Examples: The agent comes and goes
      | situation                  | before                                         | change                                                       | outcome                                       | then                                           |
      | queued instance starts     | no worker Machine is running for the computer  | the agent's instance is queued and exec is notified          | a worker Machine labelled with the computer appears | the instance file reaches running with that Machine |
      | stopped instance goes away | the agent's instance is running on a worker Machine | the agent's instance is marked stopped and exec is notified | the agent's worker Machine is destroyed       | the agent's instance file is removed           |

    @unhappy @fault @G12 @G19
    Examples: Hardware faults
      | situation               | before                                                      | change                                                                   | outcome                                           | then                                                      |
      | Machine killed mid-boot | the computer's next worker Machine will be killed while it boots | the agent's instance is queued and exec is notified                | the instance file goes from starting back to queued | the instance file reaches running on a second worker Machine |
      | Machine vanished        | the agent's instance is running on a worker Machine         | its worker Machine is destroyed behind exec's back and exec is notified | the agent's instance file is removed              | no worker Machine is left for the computer                |
