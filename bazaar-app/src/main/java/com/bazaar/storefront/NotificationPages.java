package com.bazaar.storefront;

import com.bazaar.notification.Notifications;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.NotificationId;
import com.bazaar.user.AuthenticatedUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The shopper's inbox: messages about their orders, newest first, unread ones marked, each
 * with a link to its order. Security lets only logged-in shoppers in; another shopper's
 * message is not found.
 */
@Controller
final class NotificationPages {
  private static final int PAGE_SIZE = 20;

  private final Notifications notifications;

  NotificationPages(Notifications notifications) {
    this.notifications = notifications;
  }

  @GetMapping("/notifications")
  String inbox(@AuthenticationPrincipal AuthenticatedUser user, @RequestParam(defaultValue = "0") int page, Model model) {
    model.addAttribute("notifications", notifications.inbox(user.userId(), new PageSpec(page, PAGE_SIZE)));
    model.addAttribute("pageNo", page);
    return "notifications";
  }

  @PostMapping("/notifications/{id}/read")
  String markRead(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long id,
      @RequestParam(defaultValue = "0") int page) {
    notifications.markRead(user.userId(), NotificationId.of(id));
    return "redirect:/notifications" + (page > 0 ? "?page=" + page : "");
  }

  @PostMapping("/notifications/read-all")
  String markAllRead(@AuthenticationPrincipal AuthenticatedUser user, RedirectAttributes redirect) {
    int marked = notifications.markAllRead(user.userId());
    if (marked == 0) {
      StorefrontAdvice.flashNoticeText(redirect, "flash.inbox.nothingUnread");
    } else {
      StorefrontAdvice.flashNoticeText(redirect, "flash.inbox.marked", marked);
    }
    return "redirect:/notifications";
  }
}
