package com.bazaar.order.internal;

import com.bazaar.order.CheckoutChoices;
import com.bazaar.order.DeliveryAddress;
import com.bazaar.order.Order;
import com.bazaar.order.OrderLine;
import com.bazaar.order.OrderRequestLine;
import com.bazaar.order.OrderStatus;
import com.bazaar.order.Ordering;
import com.bazaar.payment.PaymentMethod;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.Money;
import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.AddressId;
import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.id.OrderId;
import com.bazaar.user.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's orders. Another buyer's order id answers 404, exactly like an unknown one. */
@RestController
@RequestMapping("/api/orders")
class OrderApi {
  private static final String IDEMPOTENCY = "1-100 characters of A-Z a-z 0-9 . _ : - (a UUID fits): a retry with the "
      + "same key answers the first answer and repeats nothing";
  private final Ordering ordering;

  OrderApi(Ordering ordering) {
    this.ordering = ordering;
  }

  @Operation(summary = "Place an order from lines or from the cart (reserves stock)", parameters = @Parameter(
      in = ParameterIn.HEADER, name = IdempotencyKey.HEADER, description = IDEMPOTENCY))
  @PostMapping
  ResponseEntity<OrderView> place(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestBody PlaceRequest request,
      HttpServletRequest http) {
    Optional<String> key = idempotencyKey(http);
    Order order = Boolean.TRUE.equals(request.fromCart())
        ? fromCart(user, request, key)
        : ordering.place(user.userId(), request.requestLines(), request.choices(), key);
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/orders/" + order.id()))
        .body(OrderView.of(order));
  }

  @Operation(summary = "A page of the caller's orders, newest first")
  @GetMapping
  Page<OrderView> orders(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return ordering.orders(user.userId(), new PageSpec(page, size)).map(OrderView::of);
  }

  @Operation(summary = "One of the caller's orders")
  @GetMapping("/{orderId}")
  OrderView order(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long orderId) {
    return OrderView.of(ordering.order(user.userId(), OrderId.of(orderId)));
  }

  /** The body, if any, is ignored: the order says what to pay. */
  @Operation(summary = "Pay an order", parameters = @Parameter(
      in = ParameterIn.HEADER, name = IdempotencyKey.HEADER, description = IDEMPOTENCY))
  @PostMapping("/{orderId}/pay")
  OrderView pay(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long orderId,
      HttpServletRequest http) {
    return OrderView.of(ordering.pay(user.userId(), OrderId.of(orderId), idempotencyKey(http)));
  }

  @Operation(summary = "Cancel an order: its stock returns")
  @PostMapping("/{orderId}/cancel")
  OrderView cancel(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long orderId) {
    return OrderView.of(ordering.cancel(user.userId(), OrderId.of(orderId)));
  }

  /**
   * The header as sent: absent is no key, but an empty one is a malformed key (400), which
   * {@code @RequestHeader} would turn into "absent" and so into an unprotected retry.
   */
  private static Optional<String> idempotencyKey(HttpServletRequest http) {
    return Optional.ofNullable(http.getHeader(IdempotencyKey.HEADER));
  }

  private Order fromCart(AuthenticatedUser user, PlaceRequest request, Optional<String> key) {
    if (request.lines() != null) {
      throw new InvalidInput("fromCart", "refusal.order.linesOrCart");
    }
    return ordering.placeFromCart(user.userId(), request.choices(), key);
  }

  record PlaceRequest(List<LineRequest> lines, Boolean fromCart, @Nullable Long addressId,
      @Nullable String paymentMethod) {
    CheckoutChoices choices() {
      return new CheckoutChoices(addressId == null ? null : AddressId.of(addressId), paymentMethod == null ? null : method(paymentMethod));
    }

    private static PaymentMethod method(String name) {
      return Arrays.stream(PaymentMethod.values())
          .filter(m -> m.name().equals(name))
          .findFirst()
          .orElseThrow(() -> new InvalidInput("paymentMethod", "refusal.oneOf",
              Arrays.stream(PaymentMethod.values()).map(Enum::name).collect(Collectors.joining(", "))));
    }

    List<OrderRequestLine> requestLines() {
      if (lines == null) {
        throw new InvalidInput("lines", "refusal.order.linesRequired");
      }
      List<OrderRequestLine> checked = new ArrayList<>(lines.size());
      for (int i = 0; i < lines.size(); i++) {
        LineRequest line = lines.get(i);
        if (line == null || line.itemId() == null) {
          throw new InvalidInput("lines[" + i + "].itemId", "refusal.required");
        }
        if (line.quantity() == null) {
          throw new InvalidInput("lines[" + i + "].quantity", "refusal.required");
        }
        checked.add(new OrderRequestLine(ItemId.of(line.itemId()), line.quantity()));
      }
      return checked;
    }
  }

  record LineRequest(Long itemId, Integer quantity) {}

  record OrderView(String id, OrderStatus status, List<LineView> lines, Money total, String createdAt,
      @Nullable String paidAt, String paymentDeadline, @Nullable AddressView address, @Nullable PaymentMethod paymentMethod) {
    static OrderView of(Order order) {
      return new OrderView(String.valueOf(order.id().value()), order.status(),
          order.lines().stream().map(LineView::of).toList(), order.total(), order.createdAt().toString(),
          text(order.paidAt()), order.paymentDeadline().toString(), order.deliveryAddress().map(AddressView::of).orElse(null),
          order.paymentMethod().orElse(null));
    }

    private static @Nullable String text(@Nullable Instant instant) {
      return instant == null ? null : instant.toString();
    }
  }

  /** The order's own copy of its address: what it ships to, whatever the address book says now. */
  record AddressView(String recipient, String phone, String region, String city, String line,
      @Nullable String postcode) {
    static AddressView of(DeliveryAddress a) {
      return new AddressView(a.recipient(), a.phone(), a.region(), a.city(), a.line(),
          a.postcode().isEmpty() ? null : a.postcode());
    }
  }

  record LineView(String itemId, String title, Money price, int quantity) {
    static LineView of(OrderLine line) {
      return new LineView(String.valueOf(line.itemId().value()), line.title(), line.price(), line.quantity());
    }
  }
}
