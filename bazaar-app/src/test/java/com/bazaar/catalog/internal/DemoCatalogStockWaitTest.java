package com.bazaar.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import com.bazaar.inventory.Inventory;
import com.bazaar.platform.services.ServiceUnavailable;
import com.bazaar.support.ApiTest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo seed records its stock once, whatever the stock's service answers: here the first call
 * is applied but its answer lost (a timeout, as a catalog process meets when the web role's first
 * batch outlasts the read timeout). The seed asks before it sends again, finds the items stocked
 * and sends nothing more: every item has exactly one stock row and no row belongs to no item.
 */
@Import(DemoCatalogStockWaitTest.LostAnswers.class)
class DemoCatalogStockWaitTest extends ApiTest {
  @Autowired JdbcClient jdbc;

  @Test
  void theSeedsStockIsRecordedOnceAfterALostAnswer() {
    assertThat(LostAnswers.CALLS.get()).isEqualTo(1);
    long items = count("SELECT COUNT(*) FROM items");
    assertThat(items).isPositive();
    assertThat(count("SELECT COUNT(*) FROM stock")).isEqualTo(items);
    assertThat(count("SELECT COUNT(*) FROM stock s JOIN items i ON i.id = s.item_id")).isEqualTo(items);
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  /** The inventory, except that its first batch of new stock is applied and then answered as unavailable. */
  @TestConfiguration
  static class LostAnswers {
    static final AtomicInteger CALLS = new AtomicInteger();

    @Bean
    static BeanPostProcessor firstAnswerLost() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (!(bean instanceof Inventory inventory)) {
            return bean;
          }
          Inventory lossy = mock(Inventory.class, delegatesTo(inventory));
          doAnswer(call -> {
            inventory.stockNewItems(call.getArgument(0));
            if (CALLS.incrementAndGet() == 1) {
              throw new ServiceUnavailable("inventory", Duration.ofSeconds(1));
            }
            return null;
          }).when(lossy).stockNewItems(any());
          return lossy;
        }
      };
    }
  }
}
