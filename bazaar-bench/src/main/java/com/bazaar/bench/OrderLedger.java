package com.bazaar.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the tool did that the audit checks afterwards: orders created (201) with the item and
 * quantity they hold, orders paid (200), items ordered, and each item's stock before the run.
 */
public final class OrderLedger {

  public record Placed(String owner, String orderId, String itemId, int quantity) {}

  private final ConcurrentLinkedQueue<Placed> created = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Placed> paid = new ConcurrentLinkedQueue<>();
  private final Set<String> items = ConcurrentHashMap.newKeySet();
  private final Map<String, Long> stockBefore = new ConcurrentHashMap<>();

  public void created(String owner, String orderId, String itemId, int quantity) {
    created.add(new Placed(owner, orderId, itemId, quantity));
    items.add(itemId);
  }

  public void paid(String owner, String orderId) {
    paid.add(new Placed(owner, orderId, null, 0));
  }

  /** The item's stock as read before the first order, so the audit can check that every unit is accounted for. */
  public void stockBefore(String itemId, long stock) {
    stockBefore.put(itemId, stock);
  }

  public Map<String, Long> stockBefore() {
    return Map.copyOf(stockBefore);
  }

  public void touched(String itemId) {
    items.add(itemId);
  }

  public List<Placed> created() {
    return List.copyOf(created);
  }

  public List<Placed> paid() {
    return List.copyOf(paid);
  }

  public Set<String> items() {
    return Set.copyOf(items);
  }
}
