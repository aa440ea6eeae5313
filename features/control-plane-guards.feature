@CONTROL-040 @unhappy @adversarial @control-plane
Feature: Control plane guards — flyctl stays on its allow-list, secrets are never shown again
  The control plane runs flyctl for agents and ops, but only the commands on the fly.run allow-list
  (E2E.md "Automation Hooks"; stack-contract.md §6.2–6.3, §8 G21): anything else is refused, written
  to the audit trail as refused, and changes nothing. It also holds secrets — runtime secrets set
  through it (stack-contract.md §6.2 infra.set_secret) and tokens someone passes along — and must
  never show a value again: not in its answers, not in the audit trail (which records a params hash,
  never the params, §6.2 "audited with {app, user, tool, params-hash}"), not in the app's log.

  Background:
    Given the control plane offers its tools to the slice's org token

  Rule: flyctl commands off the allow-list are refused and audited (E2E.md "Automation Hooks"; stack-contract.md §6.3, §8 G21)

    @G21
    Scenario: Destroying a Machine with flyctl is refused, audited and changes nothing
      Given the worker pool has a Machine created through the control plane
      When ops destroy that Machine with flyctl through the control plane
      Then the call is refused with "is not on the allow-list"
      And the audit trail shows a refused "fly.run" call for the worker pool
      And Fly still reports that Machine

  Rule: secret values are never shown again (stack-contract.md §6.2 infra.set_secret, security rules)

    # it changes an app's secrets, so it runs only on a slice of its own (skipped on a shared one)
    @G21
    Scenario: A Clerk secret set through the control plane is never shown again
      Given the slice is not provisioned yet
      And the worker pool app exists
      When ops set a Clerk secret on the worker pool through the control plane
      Then the secret's value shows in no tool answer, in no audit entry and in no log line

    @G21
    Scenario: A Fly token passed to flyctl is refused and never shown again
      Given the worker pool app exists
      When ops pass a Fly token to flyctl as an argument through the control plane
      Then the call is refused with "--access-token"
      And the audit trail shows a refused "fly.run" call for the worker pool
      And the secret's value shows in no tool answer, in no audit entry and in no log line
