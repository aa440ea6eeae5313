package io.artifact.e2e.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.artifact.flyemu.standalone.StandaloneApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering the design promises, checked on the compiled classes: the emulator is a product of
 * its own that never sees the suite; the suite reaches the emulator only through the embedded
 * target factory; Jetty stays behind the emulator's http seam; only command-line programs print.
 */
class LayeringTest {

  static final String STACK_APP_COMMAND = "io.artifact.e2e.cli.StackAppCommand";

  static JavaClasses main;

  @BeforeAll
  static void importMain() {
    main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.artifact");
  }

  static final ArchRule EMULATOR_NEVER_IMPORTS_THE_SUITE = noClasses().that().resideInAPackage("io.artifact.flyemu..")
      .should().dependOnClassesThat().resideInAPackage("io.artifact.e2e..")
      .because("the embedded stack is a product of its own; the suite judges it over the wire");

  static final ArchRule SUITE_REACHES_THE_EMULATOR_ONLY_THROUGH_ITS_FACTORY = noClasses().that()
      .resideInAPackage("io.artifact.e2e..").and().doNotHaveFullyQualifiedName("io.artifact.e2e.target.EmbeddedTargets")
      .and().doNotHaveFullyQualifiedName(STACK_APP_COMMAND)
      .should().dependOnClassesThat().resideInAPackage("io.artifact.flyemu..")
      .because("a verdict that reads emulator objects could never disagree with the emulator");

  /**
   * {@code stack app} runs an emulator image as a process outside the platform (the mix drill's
   * stand-in for the real router and exec). It is a program, not a verdict, and the jar has one
   * entry point, so the CLI may start it — through the standalone entry point and nothing else.
   */
  static final ArchRule STACK_APP_USES_ONLY_THE_STANDALONE_ENTRY_POINT = noClasses().that().haveFullyQualifiedName(STACK_APP_COMMAND)
      .should().dependOnClassesThat(resideInAPackage("io.artifact.flyemu..").and(not(belongToAnyOf(StandaloneApp.class))))
      .because("the CLI starts an app image outside the platform; it never reaches into the emulator");

  static final ArchRule JETTY_ONLY_BEHIND_THE_HTTP_SEAM = noClasses().that().resideOutsideOfPackage("io.artifact.flyemu.http..")
      .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty..")
      .because("the emulator serves HTTP through one seam (HttpListener)");

  static final ArchRule ONLY_COMMAND_LINE_PROGRAMS_PRINT = noClasses().that()
      .resideOutsideOfPackages("io.artifact.e2e.cli..", "io.artifact.e2e.report..", "io.artifact.flyemu.bench..")
      .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
      .because("output belongs to the CLI (and the run's report plugins: the matrix summary, undefined steps); everything else attaches evidence or throws");

  @Test
  void emulatorNeverImportsTheSuite() {
    EMULATOR_NEVER_IMPORTS_THE_SUITE.check(main);
  }

  @Test
  void suiteReachesTheEmulatorOnlyThroughTheEmbeddedFactory() {
    SUITE_REACHES_THE_EMULATOR_ONLY_THROUGH_ITS_FACTORY.check(main);
  }

  @Test
  void stackAppReachesTheEmulatorOnlyThroughTheStandaloneEntryPoint() {
    STACK_APP_USES_ONLY_THE_STANDALONE_ENTRY_POINT.check(main);
  }

  @Test
  void jettyOnlyBehindTheHttpSeam() {
    JETTY_ONLY_BEHIND_THE_HTTP_SEAM.check(main);
  }

  @Test
  void onlyCommandLineProgramsPrint() {
    ONLY_COMMAND_LINE_PROGRAMS_PRINT.check(main);
  }

  /** The rules can fail: each is evaluated against a class that breaks it. */
  @Test
  void eachRuleCatchesAViolation() {
    JavaClasses offenders = new ClassFileImporter().importClasses(Offenders.SuiteBackDoor.class, Offenders.Printer.class,
        io.artifact.flyemu.EmbeddedStack.class);
    EvaluationResult backDoor = SUITE_REACHES_THE_EMULATOR_ONLY_THROUGH_ITS_FACTORY.evaluate(offenders);
    assertThat(backDoor.hasViolation()).isTrue();
    assertThat(backDoor.getFailureReport().getDetails()).anyMatch(d -> d.contains("SuiteBackDoor"));
    assertThat(ONLY_COMMAND_LINE_PROGRAMS_PRINT.evaluate(offenders).getFailureReport().getDetails()).anyMatch(d -> d.contains("Printer"));
  }
}
