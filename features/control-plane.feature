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

  Rule: Orchestration through the control plane agrees with Fly and leaves a trail

    @happy @G21
    Scenario: Provision the org, then list it
      Given the slice is not provisioned yet
      When ops provision the slice through the control plane
      Then the org manifest names the slice's apps, volume and Machines with image digests
      And listing the slice's Machines through the control plane shows each one started

    @happy @G21
    Scenario: Ensure an app twice
      Given the slice is not provisioned yet
      When ops ensure the worker pool app twice through the control plane
      Then the first ensure created the app and the second found it already there
      And the audit trail shows 2 successful "infra.ensure_app" calls for the worker pool

    @happy @G21
    Scenario: A Machine created, then destroyed
      Given the worker pool app exists
      When ops create a Machine in the worker pool and destroy it again
      Then Fly reports that Machine destroyed
      And the audit trail shows successful "infra.create_machine" and "infra.destroy_machine" calls for the worker pool

  Rule: Refusals are clear, alerted or audited, and change nothing

    @unhappy @fault @G21
    Scenario: A revoked org token cannot list the worker pool
      Given the slice's org token has been revoked
      When ops list the worker pool's Machines through the control plane
      Then the call is refused with "was revoked"
      And an alert "revoked_token_used" is raised for the slice

    @unhappy @fault @G21
    Scenario: An app outside the org allow-list is refused
      Given the worker pool app exists
      When ops ensure the app "nfs-proto" through the control plane
      Then the call is refused with "outside the org allow-list"
      And the audit trail shows a refused "infra.ensure_app" call for "nfs-proto"

    @unhappy @fault @G21
    Scenario: Malformed tool arguments create nothing
      Given the worker pool app exists
      When ops create a Machine in the worker pool in region "sydney"
      Then the call fails naming the argument "region"
      And no Machine has been added to the worker pool
