package com.bazaar.order.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bazaar.platform.data.DataLayout;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class ShardLayoutCheckTest {
  private static final long BUYER = 8; // buyer_id mod 8 = 0, its hashed slot is not 0
  private final JdbcDataSource shard = new JdbcDataSource();

  @BeforeEach
  void shard() {
    shard.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=MySQL;DATABASE_TO_LOWER=TRUE");
    DataLayout.migrateShard(shard, 4, List.of("db"));
  }

  @AfterEach
  void dropShard() {
    JdbcClient.create(shard).sql("SHUTDOWN").update();
  }

  @Test
  void aShardWithOrdersPlacedUnderTheOldModuloRuleIsRefused() {
    insertOrder(1 << 20, BUYER); // slot 0 = buyer_id mod 8, as the old rule wrote it

    assertThatThrownBy(() -> ShardLayoutCheck.requireCurrentSlots(shard, "ds_0", 4))
        .isInstanceOf(ShardLayoutCheck.OrdersInAnOldSlotLayout.class)
        .hasMessageContaining("ds_0.orders_0").hasMessageContaining("docs/sharding.md");
  }

  @Test
  void aShardWithOrdersInTheirBuyersSlotsIsAccepted() {
    insertOrder((1 << 20) | OrderSlots.ofBuyer(BUYER), BUYER);

    assertThatCode(() -> ShardLayoutCheck.requireCurrentSlots(shard, "ds_0", 4)).doesNotThrowAnyException();
  }

  private void insertOrder(long id, long buyer) {
    JdbcClient.create(shard).sql("""
            INSERT INTO orders_0 (id, buyer_id, status, total_amount, currency, created_at, payment_deadline)
            VALUES (?, ?, 'PENDING_PAYMENT', 100, 'CNY', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
        .params(id, buyer).update();
  }
}
