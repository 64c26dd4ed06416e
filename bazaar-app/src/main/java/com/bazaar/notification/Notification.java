package com.bazaar.notification;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One message in a buyer's inbox about one of their orders. */
public record Notification(long id, long orderId, Kind kind, String message, Instant createdAt, @Nullable Instant readAt) {

  /** What happened to the order. */
  public enum Kind {
    ORDER_PLACED,
    ORDER_PAID,
    ORDER_CANCELLED
  }

  public boolean isRead() {
    return readAt != null;
  }
}
