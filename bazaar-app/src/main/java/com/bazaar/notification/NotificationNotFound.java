package com.bazaar.notification;

import com.bazaar.platform.NotFound;
import com.bazaar.platform.id.NotificationId;

/** No notification with this id in the caller's inbox. */
public final class NotificationNotFound extends NotFound {
  public NotificationNotFound(NotificationId notificationId) {
    super("refusal.notFound.notification", notificationId.value());
  }
}
