/**
 * Orders: placing (stock reserved all or nothing), paying (money collected once), cancelling
 * (stock returned), and the automatic cancellation of orders left unpaid past their payment
 * window. Retries carrying the same Idempotency-Key repeat nothing.
 */
@org.jspecify.annotations.NullMarked
package com.bazaar.order;
