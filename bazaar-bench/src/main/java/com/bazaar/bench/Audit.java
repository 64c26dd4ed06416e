package com.bazaar.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The invariants after a run, checked through the API: no order lost or duplicated, paid orders
 * still paid, no item oversold (stock never negative, and every unit that left the shelf is held
 * by one of the run's live orders). A failed check is a finding, never an exception.
 */
public final class Audit {

  private static final int RELOOKS = 5;
  private static final long RELOOK_PAUSE_MS = 200;

  /** How the audit sees the site; the HTTP one asks as each shopper, tests feed fixtures. */
  public interface View {
    /** The order's status as its owner sees it, or empty when it is gone (404). */
    Optional<String> orderStatus(String owner, String orderId);

    /** The item's stock, or empty when the item cannot be read. */
    OptionalLong stock(String itemId);
  }

  public record Result(
      boolean passed, int ordersCreated, int ordersFound, int duplicateIds, int ordersPaid,
      int paidStillPaid, int itemsChecked, int itemsNegative, int itemsMiscounted, List<String> problems) {

    public Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("passed", passed);
      m.put("ordersCreated", ordersCreated);
      m.put("ordersFound", ordersFound);
      m.put("duplicateOrderIds", duplicateIds);
      m.put("ordersPaid", ordersPaid);
      m.put("paidStillPaid", paidStillPaid);
      m.put("itemsChecked", itemsChecked);
      m.put("itemsWithNegativeStock", itemsNegative);
      m.put("itemsWithUnaccountedStock", itemsMiscounted);
      m.put("problems", problems);
      return m;
    }

    public String describe() {
      StringBuilder sb = new StringBuilder();
      sb.append("audit ").append(passed ? "PASSED" : "FAILED").append('\n');
      sb.append(String.format("  orders created (201): %d, still found: %d, duplicate ids: %d%n", ordersCreated, ordersFound, duplicateIds));
      sb.append(String.format("  orders paid (200):    %d, still PAID: %d%n", ordersPaid, paidStillPaid));
      sb.append(String.format("  items ordered:        %d, with negative stock: %d, with unaccounted stock: %d%n",
          itemsChecked, itemsNegative, itemsMiscounted));
      Problems.describe(problems, sb);
      return sb.toString();
    }
  }

  public static Result run(OrderLedger ledger, View view) {
    List<String> problems = new ArrayList<>();
    List<OrderLedger.Placed> created = ledger.created();
    Set<String> seen = new HashSet<>();
    Map<String, Long> heldByLiveOrders = new HashMap<>();
    int duplicates = 0;
    int found = 0;
    for (OrderLedger.Placed p : created) {
      if (!seen.add(p.orderId())) {
        duplicates++;
        problems.add("order " + p.orderId() + " was created twice");
        continue;
      }
      Optional<String> status = view.orderStatus(p.owner(), p.orderId());
      if (status.isPresent()) {
        found++;
        if (!"CANCELLED".equals(status.get())) {
          heldByLiveOrders.merge(p.itemId(), (long) p.quantity(), Long::sum);
        }
      } else {
        problems.add("order " + p.orderId() + " of " + p.owner() + " was created (201) but is gone");
      }
    }
    List<OrderLedger.Placed> paid = ledger.paid();
    int stillPaid = 0;
    for (OrderLedger.Placed p : paid) {
      Optional<String> status = view.orderStatus(p.owner(), p.orderId());
      if (status.filter("PAID"::equals).isPresent()) {
        stillPaid++;
      } else {
        problems.add("order " + p.orderId() + " was paid (200) but is " + status.orElse("gone"));
      }
    }
    Map<String, Long> before = ledger.stockBefore();
    int negative = 0;
    int miscounted = 0;
    Set<String> items = ledger.items();
    for (String itemId : items) {
      OptionalLong stock = view.stock(itemId);
      if (stock.isEmpty()) {
        problems.add("item " + itemId + " could not be read");
        continue;
      }
      long after = stock.getAsLong();
      Long had = before.get(itemId);
      long held = heldByLiveOrders.getOrDefault(itemId, 0L);
      // reads behind a cache or a replica may trail the last write by a moment: look again before calling it a loss
      for (int look = 1; had != null && had - after != held && look <= RELOOKS; look++) {
        pause(RELOOK_PAUSE_MS * look);
        after = view.stock(itemId).orElse(after);
      }
      if (after < 0) {
        negative++;
        problems.add("item " + itemId + " is oversold: stock " + after);
      }
      if (had != null && had - after != held) {
        miscounted++;
        problems.add("item " + itemId + " had stock " + had + " and has " + after + ", but the run's live orders hold " + held);
      }
    }
    return new Result(problems.isEmpty(), created.size(), found, duplicates, paid.size(), stillPaid,
        items.size(), negative, miscounted, List.copyOf(problems));
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
