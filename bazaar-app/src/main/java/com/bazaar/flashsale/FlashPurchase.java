package com.bazaar.flashsale;

/**
 * What a purchase came to: a ticket, or a refusal. In a flash sale most buyers are refused
 * (sold out), so a refusal is an ordinary answer, not an exception: it costs no stack trace
 * and no trip through the exception resolvers, and the caller has to say what to do with it.
 */
public sealed interface FlashPurchase {

  /** The buyer got the units; the order follows from the ticket. */
  record Accepted(FlashTicket ticket) implements FlashPurchase {}

  /** The sale turned the buyer down; {@code detail} says why in words the buyer can read. */
  record Refused(Reason reason, String detail) implements FlashPurchase {}

  enum Reason {
    SOLD_OUT,
    LIMIT_REACHED,
    NOT_ACTIVE
  }

  static Accepted accepted(FlashTicket ticket) {
    return new Accepted(ticket);
  }

  static Refused soldOut(long saleId) {
    return new Refused(Reason.SOLD_OUT, "flash sale " + saleId + " is sold out");
  }

  static Refused limitReached(long saleId) {
    return new Refused(Reason.LIMIT_REACHED, "purchase limit reached for flash sale " + saleId);
  }

  static Refused notActive(long saleId) {
    return new Refused(Reason.NOT_ACTIVE, "flash sale " + saleId + " is not active");
  }
}
