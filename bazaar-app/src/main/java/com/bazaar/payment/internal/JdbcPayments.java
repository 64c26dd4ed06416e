package com.bazaar.payment.internal;

import com.bazaar.platform.time.UtcColumns;
import static com.bazaar.platform.time.UtcColumns.toColumn;

import com.bazaar.payment.AlreadyPaid;
import com.bazaar.payment.Payment;
import com.bazaar.payment.PaymentProvider;
import com.bazaar.payment.Payments;
import com.bazaar.platform.Money;
import com.bazaar.platform.id.IdGenerator;
import java.time.Clock;
import java.time.Instant;
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
  private final JdbcClient jdbc;
  private final PaymentProvider provider;
  private final IdGenerator ids;
  private final Clock clock;

  JdbcPayments(JdbcClient jdbc, PaymentProvider provider, IdGenerator ids, Clock clock) {
    this.jdbc = jdbc;
    this.provider = provider;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public Payment collect(long orderId, long buyerId, Money amount) {
    String reference = provider.charge("order-" + orderId, buyerId, amount);
    Instant now = UtcColumns.now(clock);
    Payment payment = new Payment(ids.nextId(), orderId, amount, reference, now);
    try {
      jdbc.sql(
              """
              INSERT INTO payments (id, order_id, buyer_id, amount, currency, provider_reference, created_at)
              VALUES (?, ?, ?, ?, ?, ?, ?)""")
          .params(payment.id(), orderId, buyerId, amount.amount(), amount.currency(), reference, toColumn(now))
          .update();
    } catch (DuplicateKeyException e) {
      throw new AlreadyPaid(orderId);
    }
    return payment;
  }
}
