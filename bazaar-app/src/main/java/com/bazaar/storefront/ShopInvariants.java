package com.bazaar.storefront;

import com.bazaar.flashsale.FlashSaleAccount;
import com.bazaar.flashsale.FlashSales;
import com.bazaar.inventory.Inventory;
import com.bazaar.inventory.StockCount;
import com.bazaar.order.ReservedStock;
import com.bazaar.platform.id.ItemId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The invariants the operations page checks on the real tables: the stock accounting of every
 * item (received = available + held by unpaid orders + sold) and the units of every flash sale
 * that has not ended (remaining + sold + in flight = units, nothing counted twice).
 *
 * <p>Live traffic moves the rows between the reads of one check, so a check that finds a
 * violation reads everything once more and reports what the second reading says: a real
 * violation is still there, a moment caught between two writes is not.
 */
@Component
final class ShopInvariants {
  /** At most this many unbalanced items are named; the summary line counts them all. */
  static final int ITEMS_SHOWN = 20;

  /** One line of the page: what is checked, whether it holds, and the numbers that say so. */
  record Check(String name, boolean holds, String numbers) {}

  private final Inventory inventory;
  private final ReservedStock reserved;
  private final FlashSales flashSales;
  private final TransactionTemplate snapshot;

  ShopInvariants(Inventory inventory, ReservedStock reserved, FlashSales flashSales, PlatformTransactionManager transactions) {
    this.inventory = inventory;
    this.reserved = reserved;
    this.flashSales = flashSales;
    // One snapshot of stock and reservations (InnoDB's repeatable read reads both as of the first read).
    this.snapshot = new TransactionTemplate(transactions);
    snapshot.setReadOnly(true);
    snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  List<Check> check() {
    List<Check> checks = checkOnce();
    return checks.stream().allMatch(Check::holds) ? checks : checkOnce();
  }

  private List<Check> checkOnce() {
    List<Check> checks = new ArrayList<>(stockAccounting());
    for (FlashSaleAccount sale : flashSales.accounts()) {
      checks.add(flashSale(sale));
    }
    return checks;
  }

  private List<Check> stockAccounting() {
    return snapshot.execute(status -> {
      List<StockCount> counts = inventory.counts();
      Map<ItemId, ReservedStock.Units> taken = reserved.byItem();
      List<Check> unbalanced = new ArrayList<>();
      int violations = 0;
      for (StockCount count : counts) {
        ReservedStock.Units units = taken.getOrDefault(count.itemId(), new ReservedStock.Units(0, 0));
        long accounted = count.available() + units.held() + units.sold();
        if (accounted != count.received()) {
          violations++;
          if (unbalanced.size() < ITEMS_SHOWN) {
            unbalanced.add(new Check("stock of item " + count.itemId(), false,
                "received " + count.received() + " ≠ available " + count.available() + " + held " + units.held()
                    + " + sold " + units.sold() + " = " + accounted));
          }
        }
      }
      List<Check> checks = new ArrayList<>();
      checks.add(new Check("stock accounting (" + counts.size() + " items)", violations == 0, violations == 0
          ? "every item: received = available + held by unpaid orders + sold"
          : violations + " of " + counts.size() + " items do not add up"));
      checks.addAll(unbalanced);
      return checks;
    });
  }

  private static Check flashSale(FlashSaleAccount sale) {
    String name = "flash sale " + sale.saleId() + " (item " + sale.itemId() + ")";
    if (sale.balanced()) {
      return new Check(name, true, "units " + sale.units() + " = remaining " + sale.remaining() + " + sold " + sale.sold()
          + " + in flight " + sale.inFlight());
    }
    if (sale.remaining() < 0) {
      return new Check(name, false, "remaining " + sale.remaining() + " is below zero (units " + sale.units() + ", sold "
          + sale.sold() + ")");
    }
    return new Check(name, false, "units " + sale.units() + " < remaining " + sale.remaining() + " + sold "
        + sale.sold() + ": " + (-sale.inFlight()) + " counted twice");
  }
}
