/**
 * Buyer notifications: a message in the buyer's inbox for each step of their orders
 * (placed, paid, cancelled), written by idempotent consumers of the order events.
 */
@org.jspecify.annotations.NullMarked
package com.bazaar.notification;
