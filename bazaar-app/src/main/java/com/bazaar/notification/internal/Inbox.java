package com.bazaar.notification.internal;

import com.bazaar.notification.Notification;
import com.bazaar.notification.NotificationNotFound;
import com.bazaar.notification.Notifications;
import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.events.ProcessedMessages;
import com.bazaar.platform.id.IdGenerator;
import com.bazaar.platform.id.NotificationId;
import com.bazaar.platform.id.UserId;
import com.bazaar.platform.time.UtcColumns;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Buyers' inboxes. Writing is idempotent per order and kind: the consumer records the
 * message as processed in the same transaction, so a redelivered event adds nothing.
 */
@Service
class Inbox implements Notifications {
  static final String CONSUMER = "notification";

  private final NotificationRows rows;
  private final ProcessedMessages processed;
  private final IdGenerator ids;
  private final Clock clock;

  Inbox(NotificationRows rows, ProcessedMessages processed, IdGenerator ids, Clock clock) {
    this.rows = rows;
    this.processed = processed;
    this.ids = ids;
    this.clock = clock;
  }

  /** Runs inside the bus's delivery transaction. */
  void notify(long buyerId, long orderId, Notification.Kind kind, String message) {
    if (processed.firstDelivery(CONSUMER, kind + ":" + orderId)) {
      rows.insert(ids.nextId(), buyerId, orderId, kind, message, UtcColumns.now(clock));
    }
  }

  @Override
  @Transactional(readOnly = true)
  public Page<Notification> inbox(UserId buyer, PageSpec page) {
    long buyerId = buyer.value();
    return Page.of(rows.page(buyerId, page), page, rows.count(buyerId));
  }

  @Override
  @Transactional
  public Notification markRead(UserId buyer, NotificationId notification) {
    long buyerId = buyer.value();
    long notificationId = notification.value();
    if (rows.find(buyerId, notificationId).isEmpty()) {
      throw new NotificationNotFound(notification);
    }
    rows.markRead(buyerId, notificationId, UtcColumns.now(clock));
    // Read again for read_at: found above in this transaction, and nothing deletes notifications.
    return rows.find(buyerId, notificationId).orElseThrow();
  }

  @Override
  @Transactional
  public int markAllRead(UserId buyer) {
    return rows.markAllRead(buyer.value(), UtcColumns.now(clock));
  }

  @Override
  public long unreadCount(UserId buyer) {
    return rows.unreadCount(buyer.value());
  }
}
