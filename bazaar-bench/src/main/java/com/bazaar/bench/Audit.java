package com.bazaar.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The invariants after a run, checked through the API: no order lost or duplicated, paid orders
 * still paid, no item oversold. A failed check is a finding, never an exception.
 */
public final class Audit {

  /** How the audit sees the site; the HTTP one asks as each shopper, tests feed fixtures. */
  public interface View {
    /** The order's status as its owner sees it, or empty when it is gone (404). */
    Optional<String> orderStatus(String owner, String orderId);

    /** The item's stock, or empty when the item cannot be read. */
    OptionalLong stock(String itemId);
  }

  public record Result(
      boolean passed, int ordersCreated, int ordersFound, int duplicateIds, int ordersPaid,
      int paidStillPaid, int itemsChecked, int itemsNegative, List<String> problems) {

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
      m.put("problems", problems);
      return m;
    }

    public String describe() {
      StringBuilder sb = new StringBuilder();
      sb.append("audit ").append(passed ? "PASSED" : "FAILED").append('\n');
      sb.append(String.format("  orders created (201): %d, still found: %d, duplicate ids: %d%n", ordersCreated, ordersFound, duplicateIds));
      sb.append(String.format("  orders paid (200):    %d, still PAID: %d%n", ordersPaid, paidStillPaid));
      sb.append(String.format("  items ordered:        %d, with negative stock: %d%n", itemsChecked, itemsNegative));
      int shown = 0;
      for (String p : problems) {
        if (shown++ == 20) {
          sb.append("  ... ").append(problems.size() - 20).append(" more\n");
          break;
        }
        sb.append("  ! ").append(p).append('\n');
      }
      return sb.toString();
    }
  }

  public static Result run(OrderLedger ledger, View view) {
    List<String> problems = new ArrayList<>();
    List<OrderLedger.Placed> created = ledger.created();
    Set<String> seen = new HashSet<>();
    int duplicates = 0;
    int found = 0;
    for (OrderLedger.Placed p : created) {
      if (!seen.add(p.orderId())) {
        duplicates++;
        problems.add("order " + p.orderId() + " was created twice");
        continue;
      }
      if (view.orderStatus(p.owner(), p.orderId()).isPresent()) {
        found++;
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
    Set<String> items = ledger.items();
    int negative = 0;
    for (String itemId : items) {
      OptionalLong stock = view.stock(itemId);
      if (stock.isEmpty()) {
        problems.add("item " + itemId + " could not be read");
      } else if (stock.getAsLong() < 0) {
        negative++;
        problems.add("item " + itemId + " is oversold: stock " + stock.getAsLong());
      }
    }
    return new Result(problems.isEmpty(), created.size(), found, duplicates, paid.size(), stillPaid,
        items.size(), negative, List.copyOf(problems));
  }
}
