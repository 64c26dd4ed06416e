package com.bazaar.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.RealEngines;
import com.bazaar.support.SplitMariaDbDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Registration and login with the users in their own database (profile split). */
@RealEngines
@ActiveProfiles({"mariadb", "split"})
class SessionApiOnSplitMariaDbTest extends SessionApiTest {
  @Autowired JdbcClient mainDatabase;

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    SplitMariaDbDatabases.register(registry);
  }

  @Test
  void usersLiveInTheUserDatabaseNotInTheMainOne() {
    var shopper = newShopper();

    assertThat(shopper.get("/api/cart").status()).isEqualTo(200);
    assertThat(mainDatabase.sql("SELECT COUNT(*) FROM information_schema.tables"
            + " WHERE table_schema = DATABASE() AND table_name = 'users'")
        .query(Long.class).single()).as("no users table in the main (trade) database").isZero();
    assertThat(mainDatabase.sql("SELECT COUNT(*) FROM information_schema.tables"
            + " WHERE table_schema = CONCAT(DATABASE(), '_user') AND table_name = 'users'")
        .query(Long.class).single()).isEqualTo(1);
  }
}
