package io.artifact.e2e.killmatrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.jupiter.api.io.TempDir;

/** A variant's run: rows found without running, and a run that breaks outside its rows is never read as "no rows". */
class ScenarioLauncherTest {

  @TempDir Path features;

  @Test
  void discoversEveryRowWithItsTagsWithoutRunningAny() throws Exception {
    Files.writeString(features.resolve("a.feature"), """
        @A-1
        Feature: A
          @happy
          Scenario: one
            Given nothing

          @unhappy
          Scenario: two
            Given nothing
        """);
    List<Row> rows = new ScenarioLauncher(features).discover();
    assertThat(rows).extracting(Row::name).containsExactlyInAnyOrder("one", "two");
    assertThat(rows).allSatisfy(r -> assertThat(r.status()).isEqualTo(Row.Status.SKIPPED));
    assertThat(rows).filteredOn(r -> r.name().equals("two")).singleElement()
        .satisfies(r -> assertThat(r.tags()).containsExactlyInAnyOrder("@A-1", "@unhappy"));
  }

  private static TestIdentifier node(String name, TestDescriptor.Type type) {
    UniqueId id = UniqueId.forEngine("cucumber").append(type == TestDescriptor.Type.TEST ? "pickle" : "feature", name);
    return TestIdentifier.from(new AbstractTestDescriptor(id, name) {
      @Override
      public Type getType() {
        return type;
      }
    });
  }

  @Test
  void aFeatureOrEngineThatFailsIsWhatBrokeTheRunAndABareExceptionIsNamedByItsType() {
    ScenarioLauncher.RowCollector collector = new ScenarioLauncher.RowCollector();
    collector.executionFinished(node("A freshly provisioned slice is healthy", TestDescriptor.Type.TEST),
        TestExecutionResult.failed(new java.util.concurrent.TimeoutException()));
    collector.executionFinished(node("Baseline", TestDescriptor.Type.CONTAINER), TestExecutionResult.failed(new IllegalStateException("a BeforeAll hook")));
    collector.executionFinished(node("Router", TestDescriptor.Type.CONTAINER), TestExecutionResult.successful());

    ScenarioLauncher.Attempt a = collector.attempt();
    assertThat(a.rows()).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(Row.Status.FAILED);
      assertThat(r.message()).isEqualTo("java.util.concurrent.TimeoutException");
    });
    assertThat(a.broken()).containsExactly("Baseline: java.lang.IllegalStateException: a BeforeAll hook");
    assertThat(a.jarCollision()).isFalse();
  }

  @Test
  void aRowThatFoundTheJarOpenMarksTheAttemptAsACollision() {
    ScenarioLauncher.RowCollector collector = new ScenarioLauncher.RowCollector();
    collector.executionFinished(node("one", TestDescriptor.Type.TEST), TestExecutionResult.failed(new java.nio.file.FileSystemAlreadyExistsException()));
    assertThat(collector.attempt().jarCollision()).isTrue();
    assertThat(collector.attempt().broken()).isEmpty();
  }

  @Test
  void aGlueLoadThatFoundTheJarOpenIsTheCollisionThatBeginsARunAgain() {
    assertThat(ScenarioLauncher.jarCollision(new java.nio.file.FileSystemAlreadyExistsException())).isTrue();
    assertThat(ScenarioLauncher.jarCollision(new RuntimeException("Cucumber", new java.nio.file.FileSystemAlreadyExistsException()))).isTrue();
    assertThat(ScenarioLauncher.jarCollision(new AssertionError("baseline findings"))).isFalse();
  }
}
