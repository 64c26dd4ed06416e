package com.bazaar.storefront;

import com.bazaar.notification.Notifications;
import com.bazaar.platform.id.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The header's unread count, asked only when the header is drawn for a logged-in shopper (a
 * redirect or an anonymous page never counts) and at most once per page: one count over the
 * (buyer_id, read_at) index. If the inbox cannot answer, the header shows the link without a
 * number rather than fail the page.
 */
public final class Bell {
  private static final Logger log = LoggerFactory.getLogger(Bell.class);

  private final Notifications notifications;
  private final UserId buyerId;
  private long unread = -1;

  Bell(Notifications notifications, UserId buyerId) {
    this.notifications = notifications;
    this.buyerId = buyerId;
  }

  /** Unread notifications, or 0 when they cannot be counted now. */
  public long unread() {
    if (unread < 0) {
      try {
        unread = notifications.unreadCount(buyerId);
      } catch (RuntimeException e) {
        log.warn("unread count of {} not shown: {}", buyerId, e.toString());
        unread = 0;
      }
    }
    return unread;
  }
}
