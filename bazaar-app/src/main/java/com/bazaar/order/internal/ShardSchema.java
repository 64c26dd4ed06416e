package com.bazaar.order.internal;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The physical order tables of one shard database: {@code orders_i} and {@code order_lines_i}
 * for each table index, shaped exactly like the single-database {@code orders} and
 * {@code order_lines} (V1__schema.sql). Created if absent, so starting a node, the migration
 * command and a test all prepare a shard the same way.
 */
final class ShardSchema {
  private ShardSchema() {}

  static void create(DataSource shard, int tables) {
    JdbcClient jdbc = JdbcClient.create(shard);
    for (int i = 0; i < tables; i++) {
      jdbc.sql("""
          CREATE TABLE IF NOT EXISTS orders_%d (
            id               BIGINT      NOT NULL PRIMARY KEY,
            buyer_id         BIGINT      NOT NULL,
            status           VARCHAR(20) NOT NULL,
            total_amount     BIGINT      NOT NULL,
            currency         CHAR(3)     NOT NULL,
            created_at       DATETIME(6) NOT NULL,
            payment_deadline DATETIME(6) NOT NULL,
            paid_at          DATETIME(6) NULL,
            cancelled_at     DATETIME(6) NULL,
            INDEX ix_orders_%1$d_buyer (buyer_id, id),
            INDEX ix_orders_%1$d_status_deadline (status, payment_deadline)
          )""".formatted(i)).update();
      jdbc.sql("""
          CREATE TABLE IF NOT EXISTS order_lines_%d (
            order_id     BIGINT       NOT NULL,
            line_no      INT          NOT NULL,
            item_id      BIGINT       NOT NULL,
            title        VARCHAR(200) NOT NULL,
            price_amount BIGINT       NOT NULL,
            quantity     INT          NOT NULL,
            PRIMARY KEY (order_id, line_no)
          )""".formatted(i)).update();
    }
  }
}
