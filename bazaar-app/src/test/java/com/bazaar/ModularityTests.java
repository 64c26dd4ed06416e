package com.bazaar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module graph is the architecture: each module is used only through its root package,
 * only along the allowed dependencies, and without cycles. The diagrams land in
 * target/spring-modulith-docs.
 */
class ModularityTests {
  /**
   * Who may use whom (docs/architecture.md). Every module may also use {@code platform} and
   * {@code user}: the latter's {@code AuthenticatedUser} is how a controller learns who calls.
   */
  static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("platform", Set.of()),
          Map.entry("user", Set.of()),
          Map.entry("inventory", Set.of()),
          Map.entry("payment", Set.of()),
          Map.entry("catalog", Set.of("inventory")),
          Map.entry("search", Set.of("catalog")),
          Map.entry("cart", Set.of("catalog")),
          Map.entry("order", Set.of("catalog", "inventory", "cart", "payment")),
          Map.entry("notification", Set.of("order")),
          Map.entry("sales", Set.of("order", "catalog")),
          Map.entry("flashsale", Set.of("catalog", "order")),
          Map.entry("storefront", Set.of("catalog", "inventory", "search", "cart", "order", "payment", "flashsale")));

  private static final Set<String> EVERYONE_MAY_USE = Set.of("platform", "user");

  private final ApplicationModules modules = ApplicationModules.of(BazaarApplication.class);

  @Test
  void modulesUseEachOtherOnlyThroughTheirPublicApisAndWithoutCycles() {
    modules.verify();
  }

  @Test
  void modulesDependOnlyOnTheModulesTheyAreAllowedTo() {
    Map<String, Set<String>> forbidden = new TreeMap<>();
    for (ApplicationModule module : modules) {
      String name = module.getIdentifier().toString();
      assertThat(ALLOWED)
          .as("module '%s' is new: add its allowed dependencies to ModularityTests and docs/architecture.md", name)
          .containsKey(name);
      module
          .getDirectDependencies(modules)
          .stream()
          .map(ApplicationModuleDependency::getTargetModule)
          .map(target -> target.getIdentifier().toString())
          .filter(target -> !target.equals(name))
          .filter(target -> !EVERYONE_MAY_USE.contains(target) || name.equals("platform"))
          .filter(target -> !ALLOWED.get(name).contains(target))
          .forEach(target -> forbidden.computeIfAbsent(name, n -> new TreeSet<>()).add(target));
    }
    assertThat(forbidden).as("module → modules it must not use").isEmpty();
  }

  @Test
  void writesModuleDiagrams() {
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
