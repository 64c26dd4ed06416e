package com.bazaar.notification.internal;

import com.bazaar.notification.Notification;
import com.bazaar.notification.Notifications;
import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.NotificationId;
import com.bazaar.user.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's inbox (docs/API.md, Bazaar's extensions). */
@RestController
@RequestMapping("/api/notifications")
class NotificationApi {
  private final Notifications notifications;
  private final MessageSource messages;

  NotificationApi(Notifications notifications, MessageSource messages) {
    this.notifications = notifications;
    this.messages = messages;
  }

  @Operation(summary = "A page of the caller's notifications, newest first")
  @GetMapping
  Page<NotificationView> inbox(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      Locale locale) {
    return notifications.inbox(user.userId(), new PageSpec(page, size)).map(n -> view(n, locale));
  }

  /** What a client's bell shows: one count over an index range. */
  @Operation(summary = "How many of the caller's notifications are unread")
  @GetMapping("/unread")
  UnreadView unread(@AuthenticationPrincipal AuthenticatedUser user) {
    return new UnreadView(notifications.unreadCount(user.userId()));
  }

  /** The body, if any, is ignored. */
  @Operation(summary = "Mark every notification of the caller read")
  @PostMapping("/read-all")
  MarkedView markAllRead(@AuthenticationPrincipal AuthenticatedUser user) {
    return new MarkedView(notifications.markAllRead(user.userId()));
  }

  record UnreadView(long unread) {}

  record MarkedView(int marked) {}

  /** The body, if any, is ignored. */
  @Operation(summary = "Mark one notification read")
  @PostMapping("/{notificationId}/read")
  NotificationView markRead(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable long notificationId, Locale locale) {
    return view(notifications.markRead(user.userId(), NotificationId.of(notificationId)), locale);
  }

  /** The message in the caller's language (Accept-Language; English when none is asked for). */
  private NotificationView view(Notification n, Locale locale) {
    // the stored text is the default, so an answer is never null
    String message = messages.getMessage(n.messageKey(), n.messageArguments(), n.message(), locale);
    return NotificationView.of(n, message != null ? message : n.message());
  }

  record NotificationView(String id, String orderId, String kind, String message, Instant createdAt, boolean read) {
    static NotificationView of(Notification n, String message) {
      return new NotificationView(Long.toString(n.id().value()), Long.toString(n.orderId().value()), n.kind().name(), message,
          n.createdAt(), n.isRead());
    }
  }
}
