package com.bazaar.bench;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** What the tool did that the audit checks afterwards: orders created (201), orders paid (200), items ordered. */
public final class OrderLedger {

  public record Placed(String owner, String orderId) {}

  private final ConcurrentLinkedQueue<Placed> created = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Placed> paid = new ConcurrentLinkedQueue<>();
  private final Set<String> items = ConcurrentHashMap.newKeySet();

  public void created(String owner, String orderId, String itemId) {
    created.add(new Placed(owner, orderId));
    items.add(itemId);
  }

  public void paid(String owner, String orderId) {
    paid.add(new Placed(owner, orderId));
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
