package com.bazaar.notification;

import com.bazaar.platform.id.NotificationId;
import com.bazaar.platform.id.OrderId;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** One message in a buyer's inbox about one of their orders. */
public record Notification(NotificationId id, OrderId orderId, Kind kind, String message, Instant createdAt, @Nullable Instant readAt) {

  /** What happened to the order. */
  public enum Kind {
    ORDER_PLACED,
    ORDER_PAID,
    ORDER_CANCELLED
  }

  /**
   * The message in the reader's language: a key of the shop's messages ({@code notification.order-paid}, …)
   * and its arguments, so one stored row reads in zh-CN and in en. {@link #message()} keeps the English
   * text stored when the event arrived.
   */
  public String messageKey() {
    return "notification." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The order id as text, so it is never formatted as a number ("1,234"). */
  public Object[] messageArguments() {
    return new Object[] {Long.toString(orderId.value())};
  }

  public boolean isRead() {
    return readAt != null;
  }
}
