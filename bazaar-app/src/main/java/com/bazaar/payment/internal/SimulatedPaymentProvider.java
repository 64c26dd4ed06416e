package com.bazaar.payment.internal;

import com.bazaar.payment.PaymentDeclined;
import com.bazaar.payment.PaymentMethod;
import com.bazaar.payment.PaymentProvider;
import com.bazaar.platform.Money;
import com.bazaar.platform.id.UserId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The embedded provider: approves every charge (or declines those above a configured amount,
 * to exercise the declined path) and, like a real provider, answers a repeated idempotency
 * key with the first charge's reference instead of charging again. Charges live in memory,
 * which is this provider's whole world: it dies with the JVM, as does every order it saw.
 */
@Component
@ConditionalOnProperty(name = "bazaar.payment.provider", havingValue = "simulated", matchIfMissing = true)
final class SimulatedPaymentProvider implements PaymentProvider {
  private final ConcurrentMap<String, Charge> charges = new ConcurrentHashMap<>();
  private final Optional<Long> declineAbove;
  private volatile boolean available = true;

  SimulatedPaymentProvider(@Value("${bazaar.payment.simulated.decline-above:#{null}}") Long declineAbove) {
    this.declineAbove = Optional.ofNullable(declineAbove);
  }

  @Override
  public String charge(String idempotencyKey, UserId buyerId, Money amount) {
    return charge(idempotencyKey, buyerId, amount, "sim-");
  }

  /** The reference names the method, as a real provider's would tell an Alipay charge from a card's. */
  @Override
  public String charge(String idempotencyKey, UserId buyerId, Money amount, PaymentMethod method) {
    return charge(idempotencyKey, buyerId, amount, "sim-" + method.name().toLowerCase(Locale.ROOT) + "-");
  }

  private String charge(String idempotencyKey, UserId buyerId, Money amount, String referencePrefix) {
    if (!available) {
      throw new IllegalStateException("simulated payment provider is down");
    }
    if (declineAbove.isPresent() && amount.amount() > declineAbove.get()) {
      throw new PaymentDeclined("refusal.payment.declinedAboveLimit", declineAbove.get());
    }
    Charge charge = charges.computeIfAbsent(
        idempotencyKey, key -> new Charge(referencePrefix + UUID.randomUUID(), buyerId, amount));
    if (!charge.buyerId().equals(buyerId) || !charge.amount().equals(amount)) {
      throw new PaymentDeclined("refusal.payment.declinedKeyReused", idempotencyKey);
    }
    return charge.reference();
  }

  /** Takes the provider down or brings it back, to show what the shop does while it is down. */
  void setAvailable(boolean available) {
    this.available = available;
  }

  boolean isAvailable() {
    return available;
  }

  /** How many distinct charges were taken; tests use it to prove nothing was charged twice. */
  int chargeCount() {
    return charges.size();
  }

  private record Charge(String reference, UserId buyerId, Money amount) {}
}
