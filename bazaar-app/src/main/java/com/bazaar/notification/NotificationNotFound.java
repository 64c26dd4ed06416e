package com.bazaar.notification;

import com.bazaar.platform.NotFound;

/** No notification with this id in the caller's inbox. */
public final class NotificationNotFound extends NotFound {
  public NotificationNotFound(long notificationId) {
    super("refusal.notFound.notification", notificationId);
  }
}
