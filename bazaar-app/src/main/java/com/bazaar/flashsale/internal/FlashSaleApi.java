package com.bazaar.flashsale.internal;

import com.bazaar.flashsale.FlashPurchase;
import com.bazaar.flashsale.FlashSale;
import com.bazaar.flashsale.FlashSaleDraft;
import com.bazaar.flashsale.FlashSales;
import com.bazaar.flashsale.FlashTicket;
import com.bazaar.platform.Money;
import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.id.SaleId;
import com.bazaar.platform.ratelimit.RateLimited;
import com.bazaar.platform.ratelimit.RateLimiter;
import com.bazaar.platform.web.ProblemResponses;
import com.bazaar.user.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.context.MessageSource;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Flash sales over HTTP (API.md). A purchase is rate-limited per buyer and per address before
 * it reaches the counter, so a script hammering the button gets 429s, not a bigger share.
 */
@RestController
class FlashSaleApi {
  static final String PURCHASE_PER_USER = "flash-purchase-user";
  static final String PURCHASE_PER_IP = "flash-purchase-ip";

  private final FlashSales flashSales;
  private final RateLimiter rateLimiter;
  private final MessageSource messages;

  FlashSaleApi(FlashSales flashSales, RateLimiter rateLimiter, MessageSource messages) {
    this.flashSales = flashSales;
    this.rateLimiter = rateLimiter;
    this.messages = messages;
  }

  @Operation(summary = "Every flash sale with what remains")
  @GetMapping("/api/flash-sales")
  List<SaleView> sales() {
    return flashSales.sales().stream().map(sale -> SaleView.of(sale, flashSales.remaining(sale.id()))).toList();
  }

  @Operation(summary = "Create a flash sale (admin)")
  @PostMapping("/api/admin/flash-sales")
  ResponseEntity<SaleView> create(@RequestBody CreateRequest request) {
    FlashSale sale = flashSales.create(request.draft());
    return ResponseEntity.created(URI.create("/api/flash-sales/" + sale.id())).body(SaleView.of(sale, sale.stock()));
  }

  @Operation(summary = "Queue a purchase: answers a ticket")
  @PostMapping("/api/flash-sales/{saleId}/purchase")
  ResponseEntity<?> purchase(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long saleId,
      @RequestBody(required = false) PurchaseRequest request, HttpServletRequest http) {
    limit(PURCHASE_PER_USER, String.valueOf(user.id()));
    limit(PURCHASE_PER_IP, http.getRemoteAddr());
    int quantity = request == null || request.quantity() == null ? 1 : request.quantity();
    FlashPurchase purchase = flashSales.purchase(SaleId.of(saleId), user.userId(), quantity);
    if (purchase instanceof FlashPurchase.Refused refused) {
      // Most answers of a storm: the same 409 problem a Conflict gets, built without an exception.
      return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemResponses.problem(HttpStatus.CONFLICT, refused, messages));
    }
    FlashTicket ticket = ((FlashPurchase.Accepted) purchase).ticket();
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/flash-sales/" + saleId + "/purchase/" + ticket.id()))
        .body(TicketView.of(ticket));
  }

  @Operation(summary = "A purchase ticket's status and order")
  @GetMapping("/api/flash-sales/{saleId}/purchase/{ticketId}")
  TicketView ticket(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long saleId, @PathVariable long ticketId) {
    return TicketView.of(flashSales.ticket(SaleId.of(saleId), user.userId(), ticketId));
  }

  private void limit(String limit, String key) {
    rateLimiter.tryAcquire(limit, key).ifPresent(wait -> {
      throw new RateLimited(wait);
    });
  }

  record CreateRequest(Long itemId, Money price, Integer stock, Instant startsAt, Instant endsAt, Integer limitPerUser) {
    FlashSaleDraft draft() {
      if (itemId == null) {
        throw new com.bazaar.platform.InvalidInput("itemId", "refusal.required");
      }
      return new FlashSaleDraft(ItemId.of(itemId), price, stock == null ? 0 : stock, startsAt, endsAt,
          limitPerUser == null ? 1 : limitPerUser);
    }
  }

  record PurchaseRequest(Integer quantity) {}

  record SaleView(String id, String itemId, Money price, int stock, long remaining, Instant startsAt, Instant endsAt,
      int limitPerUser) {
    static SaleView of(FlashSale sale, long remaining) {
      return new SaleView(String.valueOf(sale.id().value()), String.valueOf(sale.itemId().value()), sale.price(), sale.stock(), remaining,
          sale.startsAt(), sale.endsAt(), sale.limitPerUser());
    }
  }

  record TicketView(String ticket, FlashTicket.Status status, @Nullable String orderId) {
    static TicketView of(FlashTicket ticket) {
      return new TicketView(String.valueOf(ticket.id()), ticket.status(), ticket.orderId().map(order -> String.valueOf(order.value())).orElse(null));
    }
  }
}
