@DEMO-901
Feature: A feature with a step nobody defined
  Test-only feature (DryRunTest): the dry run must name the undefined step by file, line and text.

  Scenario: one defined step, one undefined
    Given a step that passes
    When the moon turns into cheese
