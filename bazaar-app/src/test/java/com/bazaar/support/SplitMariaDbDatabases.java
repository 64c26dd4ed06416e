package com.bazaar.support;

import java.util.List;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One database name per test class for the split layout: the test profile's
 * {@code ${random.value}} would give the user database a different name than the main one,
 * and MariaDbTestDatabase drops {@code <main>} and {@code <main>_<domain>} together.
 */
public final class SplitMariaDbDatabases {
  /** The domains with their own database in the split layout: {@code <main>_<domain>}. */
  public static final List<String> DOMAINS = List.of("user", "catalog");

  private SplitMariaDbDatabases() {}

  public static void register(DynamicPropertyRegistry registry) {
    String database = "bazaar_test_" + UUID.randomUUID().toString().replace("-", "");
    registry.add("bazaar.mariadb.database", () -> database);
  }
}
