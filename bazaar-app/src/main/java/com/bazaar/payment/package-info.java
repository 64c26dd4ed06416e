/**
 * Payments: collects an order's money exactly once, through a {@link
 * com.bazaar.payment.PaymentProvider} chosen by {@code bazaar.payment.provider} (an embedded
 * simulated provider by default).
 */
@org.jspecify.annotations.NullMarked
package com.bazaar.payment;
