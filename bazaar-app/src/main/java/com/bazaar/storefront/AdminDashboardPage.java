package com.bazaar.storefront;

import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.ItemSummary;
import com.bazaar.flashsale.FlashSales;
import com.bazaar.inventory.Inventory;
import com.bazaar.inventory.StockLevel;
import com.bazaar.order.OrderAdministration;
import com.bazaar.order.OrderFigures;
import com.bazaar.order.OrderStatus;
import com.bazaar.platform.id.ItemId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin's first page: today's orders (UTC day, as the shop shows times) by status and what
 * the paid ones brought in, the items about to run out, and the flash sales on now or to come.
 * Security admits only admins to {@code /admin/**}.
 */
@Controller
final class AdminDashboardPage {
  /** Items with this many units or fewer are listed as running low. */
  static final long LOW_STOCK = 5;
  private static final int LOW_STOCK_ROWS = 10;

  private final OrderAdministration orders;
  private final Inventory inventory;
  private final Catalog catalog;
  private final FlashSales flashSales;
  private final Clock clock;

  AdminDashboardPage(OrderAdministration orders, Inventory inventory, Catalog catalog, FlashSales flashSales, Clock clock) {
    this.orders = orders;
    this.inventory = inventory;
    this.catalog = catalog;
    this.flashSales = flashSales;
    this.clock = clock;
  }

  @GetMapping("/admin")
  String dashboard(Model model) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    OrderFigures figures = orders.placedSince(today.atStartOfDay(ZoneOffset.UTC).toInstant());
    model.addAttribute("today", today.toString());
    model.addAttribute("figures", figures);
    model.addAttribute("paid", figures.count(OrderStatus.PAID));
    model.addAttribute("pending", figures.count(OrderStatus.PENDING_PAYMENT));
    model.addAttribute("cancelled", figures.count(OrderStatus.CANCELLED));
    model.addAttribute("lowStock", lowStock());
    model.addAttribute("lowStockLimit", LOW_STOCK);
    model.addAttribute("cards", FlashSalePages.cards(flashSales.current(), catalog, flashSales, now));
    return "admin/dashboard";
  }

  private List<LowStockRow> lowStock() {
    List<StockLevel> levels = inventory.lowest(LOW_STOCK, LOW_STOCK_ROWS);
    Map<ItemId, ItemSummary> items = catalog.summaries(levels.stream().map(StockLevel::itemId).toList()).stream()
        .collect(Collectors.toMap(ItemSummary::id, Function.identity(), (a, b) -> a));
    return levels.stream()
        .flatMap(level -> Optional.ofNullable(items.get(level.itemId()))
            .map(item -> new LowStockRow(level.itemId(), item.title(), level.available()))
            .stream())
        .toList();
  }

  /** An item running low, as the dashboard lists it. */
  record LowStockRow(ItemId itemId, String title, long available) {}
}
