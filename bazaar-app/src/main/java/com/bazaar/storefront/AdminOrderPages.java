package com.bazaar.storefront;

import com.bazaar.order.Order;
import com.bazaar.order.OrderAdministration;
import com.bazaar.order.OrderNotFound;
import com.bazaar.order.OrderStatus;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.OrderId;
import com.bazaar.platform.id.UserId;
import com.bazaar.user.UserAdministration;
import com.bazaar.user.UserSummary;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every buyer's orders for admins: one search box that takes an order id (which opens the
 * order) or a buyer's name or id, and a status filter. Security admits only admins to
 * {@code /admin/**}.
 */
@Controller
final class AdminOrderPages {
  private static final int PAGE_SIZE = 50;

  private final OrderAdministration orders;
  private final UserAdministration users;

  AdminOrderPages(OrderAdministration orders, UserAdministration users) {
    this.orders = orders;
    this.users = users;
  }

  @GetMapping("/admin/orders")
  String orders(
      @RequestParam(name = "q", defaultValue = "") String query,
      @RequestParam(defaultValue = "") String status,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    String q = query.strip();
    Optional<OrderStatus> wanted = status(status);
    PageSpec spec = new PageSpec(page, PAGE_SIZE);
    model.addAttribute("q", q);
    model.addAttribute("status", wanted.map(Enum::name).orElse(""));
    model.addAttribute("statuses", Arrays.asList(OrderStatus.values()));
    Optional<UserId> buyer = Optional.empty();
    if (!q.isEmpty()) {
      Optional<Long> number = number(q);
      if (number.isPresent() && wanted.isEmpty() && orders.find(OrderId.of(number.get())).isPresent()) {
        return "redirect:/admin/orders/" + number.get();
      }
      // a number that is no order may be a shopper's id
      buyer = number.map(UserId::of).flatMap(users::find).or(() -> users.findByUsername(q)).map(UserSummary::id);
      if (buyer.isEmpty()) {
        model.addAttribute("hint", "No order and no shopper matches “" + q + "”.");
        model.addAttribute("orders", Page.of(List.<Order>of(), spec, 0));
        model.addAttribute("buyers", Map.of());
        return "admin/orders";
      }
    }
    Page<Order> found = orders.orders(buyer, wanted, spec);
    model.addAttribute("orders", found);
    model.addAttribute("buyers", users.usernames(found.content().stream().map(Order::buyerId).distinct().toList()));
    model.addAttribute("pagePath", "/admin/orders");
    return "admin/orders";
  }

  @GetMapping("/admin/orders/{id}")
  String order(@PathVariable long id, Model model) {
    Order order = orders.find(OrderId.of(id)).orElseThrow(() -> new OrderNotFound(id));
    model.addAttribute("order", order);
    model.addAttribute("buyer", users.find(order.buyerId()).orElse(null));
    return "admin/order";
  }

  private static Optional<OrderStatus> status(String status) {
    if (status.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OrderStatus.valueOf(status.strip()));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("status", "refusal.oneOf", Arrays.toString(OrderStatus.values()));
    }
  }

  private static Optional<Long> number(String text) {
    if (!text.matches("[0-9]{1,19}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
