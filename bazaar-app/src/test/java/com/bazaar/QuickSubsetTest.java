package com.bazaar;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.RealEngines;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.test.context.ActiveProfiles;

/**
 * The quick subset ({@code bin/test --quick}) runs on a laptop with Java and Maven only, so every
 * test that needs an engine must carry {@link RealEngines}. A test needs one when it (or a base
 * class) runs a profile on a real engine, or uses Redis, RabbitMQ, a browser driver or the
 * support classes that reach MariaDB, Redis, RabbitMQ or nginx.
 */
class QuickSubsetTest {
  private static final Set<String> ENGINE_PROFILES =
      Set.of("mariadb", "replica", "split", "sharding", "redis", "rabbit", "flash-cluster", "cluster");
  private static final List<String> ENGINE_PACKAGES =
      List.of("org.springframework.data.redis", "io.lettuce", "org.springframework.amqp", "com.rabbitmq",
          "org.openqa.selenium");
  private static final Set<String> ENGINE_SUPPORT =
      Set.of("RedisTestServer", "RabbitTestBroker", "PrivateRabbitNode", "ShardDatabases", "SplitMariaDbDatabases",
          "ClusterHarness", "Nginx");
  /** Tests that use an engine's client types against a mock, never the engine. */
  private static final Set<String> ENGINE_TYPES_MOCKED = Set.of("com.bazaar.platform.events.rabbit.RabbitEventRelayTest");

  @Test
  void everyTestThatNeedsAnEngineIsLeftOutOfTheQuickSubset() {
    Set<String> untagged = new TreeSet<>();
    for (JavaClass test : new ClassFileImporter().withImportOption(new ImportOption.OnlyIncludeTests())
        .importPackages("com.bazaar")) {
      if (isRunBySurefire(test) && needsAnEngine(test) && !isTaggedEngine(test.reflect())
          && !ENGINE_TYPES_MOCKED.contains(test.getName())) {
        untagged.add(test.getName());
      }
    }
    assertThat(untagged).as("tests that need an engine but lack @RealEngines").isEmpty();
  }

  private static boolean isRunBySurefire(JavaClass test) {
    return test.getSimpleName().matches(".*Tests?") && test.isTopLevelClass()
        && !test.getModifiers().contains(JavaModifier.ABSTRACT);
  }

  private static boolean needsAnEngine(JavaClass test) {
    return Stream.concat(Stream.of(test), test.getAllRawSuperclasses().stream())
        .filter(type -> type.getPackageName().startsWith("com.bazaar"))
        .anyMatch(type -> runsAnEngineProfile(type.reflect()) || usesAnEngine(type));
  }

  private static boolean runsAnEngineProfile(Class<?> type) {
    ActiveProfiles profiles = type.getDeclaredAnnotation(ActiveProfiles.class);
    return profiles != null
        && Stream.concat(Stream.of(profiles.value()), Stream.of(profiles.profiles())).anyMatch(ENGINE_PROFILES::contains);
  }

  private static boolean usesAnEngine(JavaClass type) {
    return type.getDirectDependenciesFromSelf().stream()
        .map(dependency -> dependency.getTargetClass())
        .anyMatch(target -> ENGINE_PACKAGES.stream().anyMatch(target.getPackageName()::startsWith)
            || (target.getPackageName().startsWith("com.bazaar.support") && ENGINE_SUPPORT.contains(target.getSimpleName())));
  }

  private static boolean isTaggedEngine(Class<?> test) {
    return AnnotationSupport.findRepeatableAnnotations(test, Tag.class).stream()
        .anyMatch(tag -> tag.value().equals(RealEngines.TAG));
  }
}
