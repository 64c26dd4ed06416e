package com.bazaar.flashsale.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.flashsale.FlashSaleFixtures;
import com.bazaar.order.IdempotentRequestInProgress;
import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestItems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An accepted ticket is never stranded: when its message does not reach the queue (the broker
 * is away, or the node died between the counter and the queue) it is sent again and ordered
 * once; a ticket delivered several times at once still makes one order and keeps its units.
 */
@TestPropertySource(properties = {"bazaar.flash.queue.resend-after=1s", "bazaar.flash.queue.resend-check=200ms"})
@Import(FlashTicketResendTest.QueueSwitch.class)
class FlashTicketResendTest extends ApiTest {
  private static final long FLASH_PRICE = 990;

  @Autowired TestItems items;
  @Autowired SwitchableQueue queue;
  @Autowired TicketOrderer orderer;

  @AfterEach
  void queueBack() {
    queue.up();
  }

  @Test
  void aTicketTheQueueDidNotTakeIsResentOnceItIsBackAndOrderedOnce() {
    long itemId = items.create("resent item", 19_900, 5);
    String saleId = FlashSaleFixtures.createSale(admin(), itemId, FLASH_PRICE, 2, 1);
    ApiClient buyer = newShopper();
    queue.down();

    Answer purchase = buyer.post("/api/flash-sales/" + saleId + "/purchase", "{}");
    assertThat(purchase.status()).as("the counter holds the ticket: accepted").isEqualTo(202);
    String ticketPath = "/api/flash-sales/" + saleId + "/purchase/" + purchase.json().get("ticket").asString();
    // the purchase's send and at least one resend meet the queue away; the ticket waits, its unit held
    await().atMost(Duration.ofSeconds(30)).until(() -> queue.refusedCount() >= 2);
    assertThat(buyer.get(ticketPath).json().get("status").asString()).isEqualTo("QUEUED");
    assertThat(FlashSaleFixtures.remaining(anonymous(), saleId)).isEqualTo(1);

    queue.up();
    await().atMost(Duration.ofSeconds(30))
        .until(() -> buyer.get(ticketPath).json().get("status").asString().equals("ORDERED"));
    assertThat(buyer.get("/api/orders").json().get("content")).hasSize(1);
    assertThat(items.stockOf(itemId)).isEqualTo(4);
    assertThat(FlashSaleFixtures.remaining(anonymous(), saleId)).isEqualTo(1);
  }

  @Test
  void aTicketDeliveredSeveralTimesAtOnceIsOrderedOnceAndKeepsItsUnit() throws Exception {
    long itemId = items.create("redelivered item", 19_900, 5);
    String saleId = FlashSaleFixtures.createSale(admin(), itemId, FLASH_PRICE, 2, 1);
    ApiClient buyer = newShopper();
    queue.down();
    Answer purchase = buyer.post("/api/flash-sales/" + saleId + "/purchase", "{}");
    assertThat(purchase.status()).isEqualTo(202);
    TicketOrder ticket = queue.firstRefused();

    // four deliveries of one ticket race (a resend meeting a redelivery): none may fail it
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> deliveries = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        deliveries.add(pool.submit(() -> {
          start.await();
          try {
            orderer.order(ticket);
          } catch (IdempotentRequestInProgress anotherDelivery) {
            // propagated so that the queue redelivers later: allowed, never a failure of the ticket
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> delivery : deliveries) {
        delivery.get();
      }
    } finally {
      pool.shutdownNow();
    }

    String ticketPath = "/api/flash-sales/" + saleId + "/purchase/" + ticket.ticketId();
    JsonNode settled = buyer.get(ticketPath).json();
    assertThat(settled.get("status").asString()).isEqualTo("ORDERED");
    assertThat(buyer.get("/api/orders").json().get("content")).hasSize(1);
    assertThat(items.stockOf(itemId)).isEqualTo(4);
    assertThat(FlashSaleFixtures.remaining(anonymous(), saleId)).as("the unit stays sold").isEqualTo(1);
  }

  /** The real queue, or — switched down — a queue that refuses every ticket, as a broker away would. */
  static final class SwitchableQueue implements TicketQueue {
    private final TicketQueue real;
    private final List<TicketOrder> refused = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    SwitchableQueue(TicketQueue real) {
      this.real = real;
    }

    @Override
    public void enqueue(TicketOrder ticket) {
      if (down) {
        refused.add(ticket);
        throw new IllegalStateException("queue away");
      }
      real.enqueue(ticket);
    }

    @Override
    public OptionalLong waiting() {
      return real.waiting();
    }

    void down() {
      refused.clear();
      down = true;
    }

    void up() {
      down = false;
    }

    int refusedCount() {
      return refused.size();
    }

    TicketOrder firstRefused() {
      return refused.get(0);
    }
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class QueueSwitch {
    @Bean
    @Primary
    SwitchableQueue switchableQueue(InMemoryTicketQueue real) {
      return new SwitchableQueue(real);
    }
  }
}
