package com.bazaar.storefront;

import com.bazaar.cart.Cart;
import com.bazaar.cart.CartLine;
import com.bazaar.cart.Carts;
import com.bazaar.platform.id.ItemId;
import com.bazaar.user.AuthenticatedUser;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The shopper's cart ({@link CheckoutPages} places it as an order). Security lets only logged-in shoppers reach these paths. */
@Controller
final class CartPages {
  private final Carts carts;

  CartPages(Carts carts) {
    this.carts = carts;
  }

  @GetMapping("/cart")
  String cart(@AuthenticationPrincipal AuthenticatedUser user, Model model) {
    model.addAttribute("cart", carts.cart(user.userId()));
    model.addAttribute("maxQuantity", Carts.MAX_QUANTITY);
    return "cart";
  }

  /** "Add to cart" adds to what is already there, up to the cart's limit. */
  @PostMapping("/cart/items")
  String add(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam long itemId,
      @RequestParam(defaultValue = "1") int quantity,
      RedirectAttributes redirect) {
    if (quantity < 1 || quantity > Carts.MAX_QUANTITY) {
      StorefrontAdvice.flashErrorText(redirect, "flash.cart.quantity", 1, Carts.MAX_QUANTITY);
      return "redirect:/items/" + itemId;
    }
    int inCart = quantityInCart(carts.cart(user.userId()), itemId);
    int wanted = Math.min(Carts.MAX_QUANTITY, inCart + quantity);
    carts.setQuantity(user.userId(), ItemId.of(itemId), wanted);
    StorefrontAdvice.flashNoticeText(redirect, "flash.cart.added");
    return "redirect:/cart";
  }

  @PostMapping("/cart/items/{itemId}")
  String update(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long itemId,
      @RequestParam int quantity,
      RedirectAttributes redirect) {
    if (quantity < 0 || quantity > Carts.MAX_QUANTITY) {
      StorefrontAdvice.flashErrorText(redirect, "flash.cart.quantity", 0, Carts.MAX_QUANTITY);
      return "redirect:/cart";
    }
    carts.setQuantity(user.userId(), ItemId.of(itemId), quantity);
    return "redirect:/cart";
  }

  @PostMapping("/cart/items/{itemId}/remove")
  String remove(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long itemId) {
    carts.remove(user.userId(), ItemId.of(itemId));
    return "redirect:/cart";
  }

  static Optional<String> key(String idempotencyKey) {
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 64) {
      return Optional.empty();
    }
    return Optional.of(idempotencyKey);
  }

  private static int quantityInCart(Cart cart, long itemId) {
    return cart.lines().stream()
        .filter(line -> line.itemId().value() == itemId)
        .mapToInt(CartLine::quantity)
        .findFirst()
        .orElse(0);
  }
}
