package com.bazaar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Ports and adapters, checked by the build: a module's public API speaks the domain's
 * language only, so swapping H2 for MariaDB or Lucene for another engine never touches it.
 */
class DomainIndependenceTest {
  private static final String[] MODULE_APIS = {
    "com.bazaar.catalog",
    "com.bazaar.inventory",
    "com.bazaar.cart",
    "com.bazaar.order",
    "com.bazaar.flashsale",
    "com.bazaar.payment",
    "com.bazaar.search",
    "com.bazaar.user",
    "com.bazaar.notification",
    "com.bazaar.sales",
  };

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(new ImportOption.DoNotIncludeTests())
          .importPackages("com.bazaar");

  @Test
  void moduleApisDoNotDependOnStorageOrSearchTechnology() {
    noClasses()
        .that()
        .resideInAnyPackage(MODULE_APIS)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.lucene..",
            "org.springframework.jdbc..",
            "java.sql..",
            "com.zaxxer..",
            "org.h2..",
            "org.mariadb..",
            "org.springframework.amqp..",
            "com.rabbitmq..")
        .because("adapters live in <module>.internal; the API at the module root stays technology-free")
        .check(CLASSES);
  }

  @Test
  void onlyTheSearchModulesInternalsUseLucene() {
    noClasses()
        .that()
        .resideOutsideOfPackage("com.bazaar.search.internal..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.lucene..")
        .because("the Lucene index is the search module's private adapter")
        .check(CLASSES);
  }
}
