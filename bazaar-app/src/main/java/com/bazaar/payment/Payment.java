package com.bazaar.payment;

import com.bazaar.platform.Money;
import java.time.Instant;

/** Money collected for one order. */
public record Payment(long id, long orderId, Money amount, String providerReference, Instant paidAt) {}
