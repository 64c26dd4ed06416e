package com.bazaar.cart.internal;

import com.bazaar.cart.Cart;
import com.bazaar.cart.CartLine;
import com.bazaar.cart.Carts;
import com.bazaar.platform.Money;
import com.bazaar.platform.id.ItemId;
import com.bazaar.user.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own cart; there is no way to name another user's cart. */
@RestController
@RequestMapping("/api/cart")
class CartApi {
  private final Carts carts;

  CartApi(Carts carts) {
    this.carts = carts;
  }

  @Operation(summary = "The caller's cart")
  @GetMapping
  CartView cart(@AuthenticationPrincipal AuthenticatedUser user) {
    return CartView.of(carts.cart(user.userId()));
  }

  @Operation(summary = "Set an item's quantity in the cart (0 removes it)")
  @PutMapping("/items/{itemId}")
  CartView setQuantity(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long itemId,
      @Valid @RequestBody QuantityRequest request) {
    return CartView.of(carts.setQuantity(user.userId(), ItemId.of(itemId), request.quantity()));
  }

  @Operation(summary = "Remove an item from the cart")
  @DeleteMapping("/items/{itemId}")
  CartView remove(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long itemId) {
    return CartView.of(carts.remove(user.userId(), ItemId.of(itemId)));
  }

  record QuantityRequest(@NotNull @Min(0) @Max(Carts.MAX_QUANTITY) Integer quantity) {}

  record CartView(List<LineView> lines, Money total) {
    static CartView of(Cart cart) {
      return new CartView(cart.lines().stream().map(LineView::of).toList(), cart.total());
    }
  }

  record LineView(String itemId, String title, Money price, int quantity) {
    static LineView of(CartLine line) {
      return new LineView(String.valueOf(line.itemId().value()), line.title(), line.price(), line.quantity());
    }
  }
}
