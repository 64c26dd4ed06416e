package com.bazaar.notification;

import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.NotificationId;
import com.bazaar.platform.id.UserId;

/**
 * The notification module's API: a buyer's inbox, newest first, and marking a message read.
 * Only the buyer's own notifications are visible; another buyer's id is reported as not found.
 */
public interface Notifications {

  Page<Notification> inbox(UserId buyerId, PageSpec page);

  /** Marks the notification read (again, harmlessly) and returns it; throws {@link NotificationNotFound}. */
  Notification markRead(UserId buyerId, NotificationId notificationId);

  /** Marks every unread notification of the buyer read; answers how many were unread. */
  int markAllRead(UserId buyerId);

  /**
   * How many of the buyer's notifications are unread: one count over an index range, cheap enough
   * for the header of every page a logged-in shopper opens.
   */
  long unreadCount(UserId buyerId);
}
