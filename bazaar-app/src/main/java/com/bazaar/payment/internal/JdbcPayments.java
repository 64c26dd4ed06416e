package com.bazaar.payment.internal;

import static com.bazaar.platform.time.UtcColumns.toColumn;

import com.bazaar.payment.AlreadyPaid;
import com.bazaar.payment.Payment;
import com.bazaar.payment.PaymentMethod;
import com.bazaar.payment.PaymentProvider;
import com.bazaar.payment.PaymentProviderUnavailable;
import com.bazaar.payment.Payments;
import com.bazaar.platform.Money;
import com.bazaar.platform.id.IdGenerator;
import com.bazaar.platform.id.OrderId;
import com.bazaar.platform.id.UserId;
import com.bazaar.platform.protection.CircuitBreakers;
import com.bazaar.platform.time.UtcColumns;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments recorded in the {@code payments} table. The provider is charged with the key
 * {@code order-<id>}, so a retry after a crash is not charged again, and the unique order id
 * of the table refuses a second payment row even if two callers race past every other check.
 */
@Service
class JdbcPayments implements Payments {
  static final String PROVIDER_BREAKER = "payment-provider";
  private final JdbcClient jdbc;
  private final PaymentProvider provider;
  private final IdGenerator ids;
  private final Clock clock;
  private final CircuitBreakers breakers;

  JdbcPayments(JdbcClient jdbc, PaymentProvider provider, IdGenerator ids, Clock clock, CircuitBreakers breakers) {
    this.breakers = breakers;
    this.jdbc = jdbc;
    this.provider = provider;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public Payment collect(OrderId orderId, UserId buyerId, Money amount) {
    return collect(orderId, buyerId, amount, Optional.empty());
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public Payment collect(OrderId orderId, UserId buyerId, Money amount, PaymentMethod method) {
    return collect(orderId, buyerId, amount, Optional.of(method));
  }

  private Payment collect(OrderId orderId, UserId buyerId, Money amount, Optional<PaymentMethod> method) {
    // A dead provider fails fast behind its breaker; the caller's transaction rolls back and the order stays payable.
    String reference = breakers.call(PROVIDER_BREAKER, 
        () -> method.isPresent()
            ? provider.charge("order-" + orderId, buyerId, amount, method.get())
            : provider.charge("order-" + orderId, buyerId, amount),
        PaymentProviderUnavailable::new);
    Instant now = UtcColumns.now(clock);
    Payment payment = new Payment(ids.nextId(), orderId, amount, reference, now);
    try {
      jdbc.sql(
              """
              INSERT INTO payments (id, order_id, buyer_id, amount, currency, provider_reference, created_at)
              VALUES (?, ?, ?, ?, ?, ?, ?)""")
          .params(payment.id(), orderId.value(), buyerId.value(), amount.amount(), amount.currency(), reference, toColumn(now))
          .update();
    } catch (DuplicateKeyException e) {
      throw new AlreadyPaid(orderId);
    }
    return payment;
  }
}
