package com.bazaar.flashsale.internal;

import com.bazaar.flashsale.FlashSale;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Embedded adapter: each sale's counter in this JVM. One lock per sale makes the check and
 * the take one step, as the Lua script does in Redis; sales never contend with each other.
 */
@Component
@ConditionalOnProperty(name = "bazaar.flash.stock.type", havingValue = "memory", matchIfMissing = true)
final class InMemoryFlashStock implements FlashStock {
  private final ConcurrentMap<Long, SaleCounter> sales = new ConcurrentHashMap<>();

  @Override
  public void load(FlashSale sale, long remaining) {
    sales.putIfAbsent(sale.id().value(), new SaleCounter(sale, remaining));
  }

  @Override
  public Take take(long saleId, long buyerId, long ticketId, int quantity, Instant now) {
    SaleCounter counter = sales.get(saleId);
    return counter == null ? Take.UNKNOWN_SALE : counter.take(buyerId, ticketId, quantity, now);
  }

  @Override
  public boolean giveBack(long saleId, long ticketId) {
    SaleCounter counter = sales.get(saleId);
    return counter != null && counter.giveBack(ticketId);
  }

  @Override
  public void settled(long saleId, long ticketId) {
    SaleCounter counter = sales.get(saleId);
    if (counter != null) {
      counter.settled(ticketId);
    }
  }

  @Override
  public List<TicketOrder> reclaim(long saleId, Instant before, Instant now, int max) {
    SaleCounter counter = sales.get(saleId);
    return counter == null ? List.of() : counter.reclaim(before, now, max);
  }

  @Override
  public Optional<Long> holder(long saleId, long ticketId) {
    SaleCounter counter = sales.get(saleId);
    return counter == null ? Optional.empty() : counter.holder(ticketId);
  }

  @Override
  public long remaining(long saleId) {
    SaleCounter counter = sales.get(saleId);
    return counter == null ? 0 : counter.remaining();
  }

  private static final class SaleCounter {
    private final FlashSale sale;
    private final Map<Long, Integer> boughtByBuyer = new HashMap<>();
    private final Map<Long, Hold> holds = new HashMap<>();
    private final Map<Long, Instant> queued = new HashMap<>();
    private long remaining;

    SaleCounter(FlashSale sale, long remaining) {
      this.sale = sale;
      this.remaining = remaining;
    }

    synchronized Take take(long buyerId, long ticketId, int quantity, Instant now) {
      if (!sale.isOpenAt(now)) {
        return Take.NOT_ACTIVE;
      }
      if (boughtByBuyer.getOrDefault(buyerId, 0) + quantity > sale.limitPerUser()) {
        return Take.LIMIT_REACHED;
      }
      if (remaining < quantity) {
        return Take.SOLD_OUT;
      }
      remaining -= quantity;
      boughtByBuyer.merge(buyerId, quantity, Integer::sum);
      holds.put(ticketId, new Hold(buyerId, quantity));
      queued.put(ticketId, now);
      return Take.ACCEPTED;
    }

    synchronized boolean giveBack(long ticketId) {
      Hold hold = holds.remove(ticketId);
      queued.remove(ticketId);
      if (hold == null) {
        return false;
      }
      remaining += hold.quantity();
      boughtByBuyer.merge(hold.buyerId(), -hold.quantity(), Integer::sum);
      return true;
    }

    synchronized void settled(long ticketId) {
      queued.remove(ticketId);
    }

    synchronized List<TicketOrder> reclaim(Instant before, Instant now, int max) {
      List<TicketOrder> claimed = new ArrayList<>();
      for (Map.Entry<Long, Instant> ticket : queued.entrySet()) {
        if (claimed.size() == max) {
          break;
        }
        Hold hold = holds.get(ticket.getKey());
        if (ticket.getValue().isBefore(before) && hold != null) {
          ticket.setValue(now);
          claimed.add(new TicketOrder(ticket.getKey(), sale.id().value(), hold.buyerId(), hold.quantity()));
        }
      }
      return claimed;
    }

    synchronized Optional<Long> holder(long ticketId) {
      return Optional.ofNullable(holds.get(ticketId)).map(Hold::buyerId);
    }

    synchronized long remaining() {
      return remaining;
    }
  }

  private record Hold(long buyerId, int quantity) {}
}
