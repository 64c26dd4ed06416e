package com.bazaar.payment;

import com.bazaar.platform.Money;
import com.bazaar.platform.id.OrderId;
import java.time.Instant;

/** Money collected for one order. */
public record Payment(long id, OrderId orderId, Money amount, String providerReference, Instant paidAt) {}
