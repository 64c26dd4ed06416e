package com.bazaar.storefront;

import com.bazaar.order.Order;
import com.bazaar.order.OrderStatus;
import com.bazaar.order.Ordering;
import com.bazaar.platform.Conflict;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.Unavailable;
import com.bazaar.platform.id.OrderId;
import com.bazaar.user.AuthenticatedUser;
import java.time.Clock;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The shopper's orders: the list, one order, paying and cancelling it. */
@Controller
final class OrderPages {
  private static final int PAGE_SIZE = 20;
  private static final ShopFormat FORMAT = new ShopFormat();

  private final Ordering ordering;
  private final Clock clock;

  OrderPages(Ordering ordering, Clock clock) {
    this.ordering = ordering;
    this.clock = clock;
  }

  @GetMapping("/orders")
  String orders(
      @AuthenticationPrincipal AuthenticatedUser user, @RequestParam(defaultValue = "0") int page, Model model) {
    model.addAttribute("orders", ordering.orders(user.userId(), new PageSpec(page, PAGE_SIZE)));
    return "orders";
  }

  @GetMapping("/orders/{id}")
  String order(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id, Model model) {
    Order order = ordering.order(user.userId(), OrderId.of(id));
    model.addAttribute("order", order);
    model.addAttribute("pending", order.status() == OrderStatus.PENDING_PAYMENT);
    model.addAttribute("payable", order.isPayableAt(clock.instant()));
    // What the page says without its script: the countdown file only keeps it ticking.
    model.addAttribute("timeLeft", Countdown.text(clock.instant(), order.paymentDeadline()));
    model.addAttribute("paymentKey", UUID.randomUUID().toString());
    return "order";
  }

  @PostMapping("/orders/{id}/pay")
  String pay(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long id,
      @RequestParam(required = false) String idempotencyKey,
      RedirectAttributes redirect) {
    try {
      ordering.pay(user.userId(), OrderId.of(id), CartPages.key(idempotencyKey));
      StorefrontAdvice.flashNoticeText(redirect, "flash.order.paid");
    } catch (Conflict e) {
      StorefrontAdvice.flashErrorText(redirect, "flash.order.payFailed", e);
    } catch (Unavailable e) {
      // The provider is down or its breaker is open: nothing was charged and the order waits.
      Order order = ordering.order(user.userId(), OrderId.of(id));
      StorefrontAdvice.flashErrorText(redirect, "flash.order.payUnavailable", FORMAT.shopperTime(order.paymentDeadline()));
    }
    return "redirect:/orders/" + id;
  }

  @PostMapping("/orders/{id}/cancel")
  String cancel(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id, RedirectAttributes redirect) {
    try {
      ordering.cancel(user.userId(), OrderId.of(id));
      StorefrontAdvice.flashNoticeText(redirect, "flash.order.cancelled");
    } catch (Conflict e) {
      StorefrontAdvice.flashErrorText(redirect, "flash.order.cancelFailed", e);
    }
    return "redirect:/orders/" + id;
  }
}
