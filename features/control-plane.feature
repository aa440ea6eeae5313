@CONTROL-040 @control-plane
Feature: Control plane — MCP orchestration with scoped, audited Fly operations
  Artifact's control plane holds the org token and is the only way agents and ops automation touch
  Fly: every tool call is authorized for the app it names and written to the audit trail. The
  happy rows show that provisioning, listing and Machine changes through the control plane agree
  with what Fly itself reports; the unhappy rows show that a revoked token, an app outside the org
  and malformed arguments are each refused with a clear reason, alerted or audited, and change
  nothing.

  Background:
    Given the control plane offers its tools to the slice's org token

  Scenario Outline: Control plane — <situation>
    Given <precondition>
    When <action>
    Then <outcome>
    And <evidence>

    @happy
    Examples: Orchestration works and leaves a trail
      | situation                       | precondition                     | action                                                         | outcome                                                                         | evidence                                                                                                      |
      | provision the org, then list it | the slice is not provisioned yet | ops provision the slice through the control plane              | the org manifest names the slice's apps, volume and Machines with image digests | listing the slice's Machines through the control plane shows each one started                                 |
      | ensure an app twice             | the slice is not provisioned yet | ops ensure the worker pool app twice through the control plane | the first ensure created the app and the second found it already there          | the audit trail shows 2 successful "infra.ensure_app" calls for the worker pool                               |
      | Machine created, then destroyed | the worker pool app exists       | ops create a Machine in the worker pool and destroy it again   | Fly reports that Machine destroyed                                              | the audit trail shows successful "infra.create_machine" and "infra.destroy_machine" calls for the worker pool |

    @unhappy @fault
    Examples: Refusals are clear, alerted and audited
      | situation                      | precondition                           | action                                                        | outcome                                               | evidence                                                                |
      | revoked org token              | the slice's org token has been revoked | ops list the worker pool's Machines through the control plane | the call is refused with "was revoked"                | an alert "revoked_token_used" is raised for the slice                   |
      | app outside the org allow-list | the worker pool app exists             | ops ensure the app "nfs-proto" through the control plane      | the call is refused with "outside the org allow-list" | the audit trail shows a refused "infra.ensure_app" call for "nfs-proto" |
      | malformed tool arguments       | the worker pool app exists             | ops create a Machine in the worker pool in region "sydney"    | the call fails naming the argument "region"           | no Machine has been added to the worker pool                            |
