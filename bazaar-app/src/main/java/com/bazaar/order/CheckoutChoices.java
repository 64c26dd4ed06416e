package com.bazaar.order;

import com.bazaar.payment.PaymentMethod;
import com.bazaar.platform.id.AddressId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the shopper chose at checkout, each part optional so that clients placing orders
 * without them keep working: the address book entry to ship to (absent: the default address,
 * if any) and the payment method (absent: none chosen, the provider's own way).
 */
public record CheckoutChoices(@Nullable AddressId addressId, @Nullable PaymentMethod paymentMethod) {
  public static final CheckoutChoices NONE = new CheckoutChoices(null, null);

  public Optional<AddressId> address() {
    return Optional.ofNullable(addressId);
  }

  public Optional<PaymentMethod> method() {
    return Optional.ofNullable(paymentMethod);
  }

  /** How a retry is recognized as the same request: empty when nothing was chosen, as before choices existed. */
  public String canonical() {
    if (addressId == null && paymentMethod == null) {
      return "";
    }
    // AddressId prints as the bare number: a retry keeps the key it had before typed ids
    return ";address=" + addressId + ";method=" + paymentMethod;
  }
}
