package com.bazaar.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Readiness says whether the node can serve: with its database closed it cannot, and the
 * {@code db} component and the readiness probe say DOWN. (Spring Boot's own check said UP:
 * the driver calls a connection valid even to a database recreated empty.)
 */
@DirtiesContext
class DatabaseHealthTest extends ApiTest {
  @Autowired DataSource dataSource;

  @Test
  void aClosedDatabaseMakesTheNodeUnready() throws Exception {
    ApiClient balancer = anonymous();
    var ready = balancer.get("/actuator/health/readiness");
    assertThat(ready.status()).as(ready.body()).isEqualTo(200);
    assertThat(ready.json().get("components").get("db").get("status").asString()).isEqualTo("UP");
    assertThat(ready.json().get("components").has("searchIndex")).isTrue();

    new JdbcTemplate(dataSource).execute("SHUTDOWN");
    // The pool replaces its closed connections: the next ones open a new, empty in-memory
    // database of the same name, which any driver calls valid.
    dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();

    var unready = balancer.get("/actuator/health/readiness");
    assertThat(unready.status()).as(unready.body()).isEqualTo(503);
    assertThat(unready.json().get("components").get("db").get("status").asString()).isEqualTo("DOWN");
    assertThat(balancer.get("/actuator/health").status()).isEqualTo(503);
    assertThat(balancer.get("/api/items").status()).as("the node indeed cannot serve").isEqualTo(500);
  }
}
