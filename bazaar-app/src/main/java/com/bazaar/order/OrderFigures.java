package com.bazaar.order;

import com.bazaar.platform.Money;
import java.util.List;
import java.util.Map;

/**
 * Orders placed in a period: how many in each status, and the totals of the paid ones, one
 * amount per currency (amounts of two currencies are never added).
 */
public record OrderFigures(Map<OrderStatus, Long> countByStatus, List<Money> paidTotals) {

  public OrderFigures {
    countByStatus = Map.copyOf(countByStatus);
    paidTotals = List.copyOf(paidTotals);
  }

  public long placed() {
    return countByStatus.values().stream().mapToLong(Long::longValue).sum();
  }

  public long count(OrderStatus status) {
    return countByStatus.getOrDefault(status, 0L);
  }
}
