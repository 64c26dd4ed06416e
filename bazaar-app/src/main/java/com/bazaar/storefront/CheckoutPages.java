package com.bazaar.storefront;

import com.bazaar.cart.Cart;
import com.bazaar.cart.Carts;
import com.bazaar.order.CheckoutChoices;
import com.bazaar.order.Order;
import com.bazaar.order.OrderStatus;
import com.bazaar.order.Ordering;
import com.bazaar.payment.PaymentMethod;
import com.bazaar.platform.Conflict;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.id.AddressId;
import com.bazaar.user.Address;
import com.bazaar.user.AddressBook;
import com.bazaar.user.AuthenticatedUser;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Checkout: the cart's "Place order" leads to a review of the lines and total, where the shopper
 * chooses (or adds) the delivery address and the payment method before placing the order.
 */
@Controller
final class CheckoutPages {
  private final Carts carts;
  private final Ordering ordering;
  private final AddressBook addressBook;

  CheckoutPages(Carts carts, Ordering ordering, AddressBook addressBook) {
    this.carts = carts;
    this.ordering = ordering;
    this.addressBook = addressBook;
  }

  @GetMapping("/checkout")
  String review(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(required = false) String addressId,
      Model model,
      RedirectAttributes redirect) {
    Cart cart = carts.cart(user.userId());
    if (cart.isEmpty()) {
      StorefrontAdvice.flashErrorText(redirect, "flash.checkout.emptyCart");
      return "redirect:/cart";
    }
    List<Address> addresses = addressBook.addresses(user.userId());
    model.addAttribute("cart", cart);
    model.addAttribute("addresses", addresses);
    model.addAttribute("chosenAddress", chosen(addresses, addressId));
    model.addAttribute("paymentMethods", PaymentMethod.values());
    model.addAttribute("addressLimitReached", addresses.size() >= AddressBook.LIMIT);
    // One key per rendering of the review: a double-clicked or resent "Place order" places one order.
    model.addAttribute("checkoutKey", UUID.randomUUID().toString());
    return "checkout";
  }

  @PostMapping("/checkout")
  String place(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(required = false) String idempotencyKey,
      @RequestParam(required = false) String addressId,
      @RequestParam(required = false) String paymentMethod,
      RedirectAttributes redirect) {
    Order order;
    try {
      order = ordering.placeFromCart(user.userId(), choices(addressId, paymentMethod), CartPages.key(idempotencyKey));
    } catch (Conflict | InvalidInput e) { // out of stock, an emptied cart, an address deleted meanwhile, ...
      StorefrontAdvice.flashErrorText(redirect, "flash.checkout.failed", e);
      return "redirect:/cart";
    }
    // A form sent again (the back button, a second tab) carries the same key and gets the order it placed.
    StorefrontAdvice.flashNoticeText(redirect, order.status() == OrderStatus.PENDING_PAYMENT
        ? "flash.checkout.placed"
        : "flash.checkout.again");
    return "redirect:/orders/" + order.id();
  }

  /** The address asked for (just added, say), else the default one; an id not in the book counts as none. */
  private static @Nullable AddressId chosen(List<Address> addresses, String addressId) {
    Optional<AddressId> asked = id(addressId).map(AddressId::of);
    return addresses.stream()
        .filter(a -> asked.isPresent() ? a.id().equals(asked.get()) : a.isDefault())
        .map(Address::id)
        .findFirst()
        .orElse(addresses.isEmpty() ? null : addresses.get(0).id());
  }

  /** A form without the fields (an old page, a script) places the order as before: the default address, no method. */
  private static CheckoutChoices choices(String addressId, String paymentMethod) {
    if (addressId != null && !addressId.isBlank() && id(addressId).isEmpty()) {
      throw new InvalidInput("addressId", "refusal.checkout.notYourAddress");
    }
    PaymentMethod method = paymentMethod == null || paymentMethod.isBlank() ? null
        : Arrays.stream(PaymentMethod.values()).filter(m -> m.name().equals(paymentMethod)).findFirst()
            .orElseThrow(() -> new InvalidInput("paymentMethod", "refusal.checkout.paymentMethod"));
    return new CheckoutChoices(id(addressId).map(AddressId::of).orElse(null), method);
  }

  static Optional<Long> id(String text) {
    try {
      return text == null || text.isBlank() ? Optional.empty() : Optional.of(Long.parseLong(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
