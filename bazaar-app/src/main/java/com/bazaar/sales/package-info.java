/**
 * Sales counters: units sold per item, counted once per paid order by an idempotent
 * consumer of the order module's {@code OrderPaid}.
 */
@org.jspecify.annotations.NullMarked
package com.bazaar.sales;
