package com.bazaar.notification;

import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;

/**
 * The notification module's API: a buyer's inbox, newest first, and marking a message read.
 * Only the buyer's own notifications are visible; another buyer's id is reported as not found.
 */
public interface Notifications {

  Page<Notification> inbox(long buyerId, PageSpec page);

  /** Marks the notification read (again, harmlessly) and returns it; throws {@link NotificationNotFound}. */
  Notification markRead(long buyerId, long notificationId);
}
