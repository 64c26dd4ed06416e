package com.bazaar.storefront;

import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.ItemSummary;
import com.bazaar.flashsale.FlashPurchase;
import com.bazaar.flashsale.FlashSale;
import com.bazaar.flashsale.FlashSaleNotFound;
import com.bazaar.flashsale.FlashSales;
import com.bazaar.flashsale.FlashTicket;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.id.SaleId;
import com.bazaar.platform.ratelimit.RateLimiter;
import com.bazaar.user.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The shopper's side of flash sales: the list of sales on now and to come, buying (which answers
 * a ticket at once) and the ticket's page, which says "queued…" and refreshes itself until the
 * order is placed, then sends the shopper to the order to pay it. The pages run no script, so
 * waiting is a {@code <meta http-equiv="refresh">}.
 */
@Controller
final class FlashSalePages {
  /** The purchase limits of the flash-sale API (application.yaml), so the page is no back door around them. */
  private static final String PER_USER = "flash-purchase-user";
  private static final String PER_ADDRESS = "flash-purchase-ip";
  static final int TICKET_REFRESH_SECONDS = 1;

  private final FlashSales flashSales;
  private final Catalog catalog;
  private final RateLimiter rateLimiter;
  private final Clock clock;

  FlashSalePages(FlashSales flashSales, Catalog catalog, RateLimiter rateLimiter, Clock clock) {
    this.flashSales = flashSales;
    this.catalog = catalog;
    this.rateLimiter = rateLimiter;
    this.clock = clock;
  }

  @GetMapping("/flash-sales")
  String sales(Model model) {
    List<FlashSale> current = flashSales.current();
    // No meta refresh here (WCAG 2.2.1, axe's meta-refresh rule): a shopper reading the list is
    // not waiting for anything, and the page offers a link to load it again.
    Instant now = clock.instant();
    model.addAttribute("cards", cards(current, catalog, flashSales, now));
    model.addAttribute("now", now);
    return "flash-sales";
  }

  /** Cards for these sales, their items' titles and prices read in one call; a sale of a deleted item is left out. */
  static List<SaleCard> cards(List<FlashSale> sales, Catalog catalog, FlashSales flashSales, Instant now) {
    Map<ItemId, ItemSummary> items = catalog.summaries(sales.stream().map(FlashSale::itemId).distinct().toList()).stream()
        .collect(Collectors.toMap(ItemSummary::id, Function.identity(), (a, b) -> a));
    return sales.stream()
        .flatMap(sale -> Optional.ofNullable(items.get(sale.itemId()))
            .map(item -> SaleCard.of(sale, item.title(), item.price(), flashSales.remaining(sale.id()), now))
            .stream())
        .toList();
  }

  @PostMapping("/flash-sales/{saleId}/buy")
  String buy(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long saleId,
      @RequestParam(defaultValue = "1") int quantity,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    FlashSale sale = flashSales.sale(SaleId.of(saleId)).orElseThrow(() -> new FlashSaleNotFound(SaleId.of(saleId)));
    String back = "redirect:/items/" + sale.itemId();
    Optional<Duration> wait = rateLimiter.tryAcquire(PER_USER, String.valueOf(user.id()))
        .or(() -> rateLimiter.tryAcquire(PER_ADDRESS, request.getRemoteAddr()));
    if (wait.isPresent()) {
      StorefrontAdvice.flashErrorText(redirect, "flash.sale.tooManyTries", Math.max(1, wait.get().toSeconds()));
      return back;
    }
    if (quantity < 1 || quantity > sale.limitPerUser()) {
      StorefrontAdvice.flashErrorText(redirect, "flash.sale.quantity", sale.limitPerUser());
      return back;
    }
    FlashPurchase purchase;
    try {
      purchase = flashSales.purchase(SaleId.of(saleId), user.userId(), quantity);
    } catch (InvalidInput e) {
      StorefrontAdvice.flashErrorText(redirect, "flash.invalid", e.field(), e);
      return back;
    }
    if (purchase instanceof FlashPurchase.Refused refused) {
      redirect.addFlashAttribute(StorefrontAdvice.FLASH_ERROR, refusal(refused.reason(), sale, clock.instant()));
      return back;
    }
    FlashTicket ticket = ((FlashPurchase.Accepted) purchase).ticket();
    return "redirect:/flash-sales/" + saleId + "/tickets/" + ticket.id();
  }

  /** Why the sale said no, in the shopper's words and with what to do next. */
  static MessageSourceResolvable refusal(FlashPurchase.Reason reason, FlashSale sale, Instant now) {
    return switch (reason) {
      case SOLD_OUT -> ShopText.of("flash.sale.soldOut");
      case LIMIT_REACHED -> ShopText.of("flash.sale.limitReached", sale.limitPerUser());
      case NOT_ACTIVE -> now.isBefore(sale.startsAt())
          ? ShopText.of("flash.sale.notStarted", Countdown.text(now, sale.startsAt()))
          : ShopText.of("flash.sale.ended");
    };
  }

  /** Another shopper's ticket is not found, like an unknown one. */
  @GetMapping("/flash-sales/{saleId}/tickets/{ticketId}")
  String ticket(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long saleId,
      @PathVariable long ticketId,
      Model model,
      RedirectAttributes redirect) {
    FlashTicket ticket = flashSales.ticket(SaleId.of(saleId), user.userId(), ticketId);
    if (ticket.status() == FlashTicket.Status.ORDERED && ticket.orderId().isPresent()) {
      StorefrontAdvice.flashNoticeText(redirect, "flash.sale.ordered");
      return "redirect:/orders/" + ticket.orderId().get();
    }
    FlashSale sale = flashSales.sale(SaleId.of(saleId)).orElseThrow(() -> new FlashSaleNotFound(SaleId.of(saleId)));
    model.addAttribute("ticket", ticket);
    model.addAttribute("sale", sale);
    model.addAttribute("itemTitle", catalog.findItem(sale.itemId()).map(i -> i.title()).orElse("—"));
    if (ticket.status() == FlashTicket.Status.QUEUED) {
      model.addAttribute("refreshSeconds", TICKET_REFRESH_SECONDS);
    }
    return "flash-ticket";
  }
}
