package com.bazaar.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@link TestItems} of a deployment in other processes ({@link ApiTarget.Remote}). Its processes
 * cannot be told of rows written behind their back (caches, search indexes), so items are made
 * through the admin API, as an admin would, in the first category the shop lists; the stock and
 * payments are read from the deployment's database, as {@link JdbcTestItems} reads them.
 */
final class RemoteTestItems implements TestItems {
  private final ApiClient admin;
  private final JdbcClient database;
  private final String categoryId;

  RemoteTestItems(ApiTarget.Remote deployment) {
    this.admin = new ApiClient(deployment.port()).login("admin", "admin-password");
    this.database = JdbcClient.create(
        new DriverManagerDataSource(deployment.jdbcUrl(), deployment.jdbcUser(), deployment.jdbcPassword()));
    this.categoryId = admin.get("/api/categories").json().get(0).path("id").asString();
  }

  @Override
  public long create(String title, long priceAmount, long stock) {
    Map<String, Object> body = TestItems.itemBody(title, priceAmount, stock, categoryId);
    body.put("description", "test item " + title);
    ApiClient.Answer created = admin.post("/api/admin/items", ApiClient.json(body));
    assertThat(created.status()).as("item %s created: %s", title, created).isEqualTo(201);
    return Long.parseLong(created.json().path("id").asString());
  }

  @Override
  public long stockOf(long itemId) {
    return database.sql("SELECT available FROM stock WHERE item_id = ?").param(itemId).query(Long.class).single();
  }

  @Override
  public void delete(long itemId) {
    Assumptions.abort("the API removes no item, and a row deleted behind the deployment's back stays in its caches");
  }

  @Override
  public long paymentsOf(long orderId) {
    return database.sql("SELECT COUNT(*) FROM payments WHERE order_id = ?").param(orderId).query(Long.class).single();
  }
}
