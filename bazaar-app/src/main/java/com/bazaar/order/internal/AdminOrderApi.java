package com.bazaar.order.internal;

import com.bazaar.order.Order;
import com.bazaar.order.OrderStatus;
import com.bazaar.platform.Money;
import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every buyer's orders, newest first, for admins (the /api/admin path needs the admin role).
 * With sharded orders this is the one order query that reads every shard.
 */
@RestController
@RequestMapping("/api/admin/orders")
class AdminOrderApi {
  private final OrderDesk desk;

  AdminOrderApi(OrderDesk desk) {
    this.desk = desk;
  }

  @Operation(summary = "A page of every buyer's orders (admin)")
  @GetMapping
  Page<AdminOrderView> orders(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return desk.allOrders(new PageSpec(page, size)).map(AdminOrderView::of);
  }

  record AdminOrderView(String id, String buyerId, OrderStatus status, Money total, String createdAt) {
    static AdminOrderView of(Order order) {
      return new AdminOrderView(String.valueOf(order.id().value()), String.valueOf(order.buyerId().value()), order.status(),
          order.total(), order.createdAt().toString());
    }
  }
}
