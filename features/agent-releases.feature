@AGENT-030 @destructive
Feature: Agent releases
  Ops ship a new agent image with the runbook's release step: each host app's release publishes
  a release manifest on the shared volume, under computers/images/. Agents started after that must
  run the newest valid release, and agents already running keep the Machine they have. A manifest
  exec cannot use, whether it is not JSON, lacks a field or names an image the registry does not
  have, must be rejected by exec, which logs which file and which field. Then nothing changes:
  no Machine is created from it, new agents start on the release before it, and running agents
  keep working. Which release an agent runs is the image of its worker Machine as Fly reports it.
  Every manifest a scenario publishes is put back as it was at teardown.

  Background:
    Given the org slice is provisioned
    And alice, signed in, has her agent running on the current "host-coder" release

  Rule: agents started after a release run it, running agents keep their Machine

    @happy @G16
    Example: a new release reaches the next new agent
      When a new "host-coder" release is published
      And bob's signed-in browser opens the base domain
      Then bob's agent runs on the new release
      And alice's agent is still served by the same worker Machine, on the release before

  Rule: exec rejects a malformed release manifest, and nothing changes

    @unhappy @fault @G17
    Scenario Outline: a release with <problem> is rejected
      When a new "host-coder" release is published with <problem>
      And bob's signed-in browser opens the base domain
      Then exec has logged that it rejected the manifest, naming the file and what is wrong
      And no worker Machine runs the rejected release
      And bob's agent runs on the release before
      And alice's agent is still served by the same worker Machine, on the release before

      Examples: manifests exec cannot use
        | problem                            |
        | bad JSON                           |
        | no memory size                     |
        | an image the registry does not have |
