package com.bazaar.order.internal;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Profile {@code migrate} (with {@code sharding}): runs {@link ShardMigration} from the
 * database named by {@code bazaar.migrate.from.*}, prints the per-table verification, and
 * exits 0 if every table matches, 1 if not. bin/migrate is the way to call it.
 */
@Component
@Profile("migrate")
class MigrationRunner implements ApplicationRunner {
  private final ShardMigration migration;
  private final ApplicationContext context;
  private final ShardMigration.Source source;

  MigrationRunner(ShardMigration migration, ApplicationContext context,
      @Value("${bazaar.migrate.from.url}") String url,
      @Value("${bazaar.migrate.from.username:}") String username,
      @Value("${bazaar.migrate.from.password:}") String password) {
    this.migration = migration;
    this.context = context;
    this.source = new ShardMigration.Source(url, username, password);
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    List<ShardMigration.Check> checks = migration.migrate(source);
    System.out.printf("%-20s %12s %12s %18s %18s%n", "table", "source rows", "target rows", "source checksum",
        "target checksum");
    checks.forEach(c -> System.out.printf("%-20s %12d %12d %18x %18x %s%n", c.table(), c.sourceRows(),
        c.targetRows(), c.sourceChecksum(), c.targetChecksum(), c.matches() ? "OK" : "MISMATCH"));
    boolean ok = checks.stream().allMatch(ShardMigration.Check::matches);
    System.out.println(ok ? "migration verified" : "migration NOT verified: see MISMATCH rows");
    int code = SpringApplication.exit(context, () -> ok ? 0 : 1);
    System.exit(code);
  }
}
