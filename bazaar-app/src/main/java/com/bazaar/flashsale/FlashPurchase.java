package com.bazaar.flashsale;

import com.bazaar.platform.id.SaleId;
import org.springframework.context.MessageSourceResolvable;

/**
 * What a purchase came to: a ticket, or a refusal. In a flash sale most buyers are refused
 * (sold out), so a refusal is an ordinary answer, not an exception: it costs no stack trace
 * and no trip through the exception resolvers, and the caller has to say what to do with it.
 */
public sealed interface FlashPurchase {

  /** The buyer got the units; the order follows from the ticket. */
  record Accepted(FlashTicket ticket) implements FlashPurchase {}

  /**
   * The sale turned the buyer down. It reads as a message key with the sale's id ({@code
   * refusal.sale.*}), in the caller's language where it is shown, like any other refusal.
   */
  record Refused(Reason reason, SaleId saleId) implements FlashPurchase, MessageSourceResolvable {
    @Override
    public String[] getCodes() {
      return new String[] {reason.code};
    }

    @Override
    public Object[] getArguments() {
      return new Object[] {String.valueOf(saleId)};
    }
  }

  enum Reason {
    SOLD_OUT("refusal.sale.soldOut"),
    LIMIT_REACHED("refusal.sale.limitReached"),
    NOT_ACTIVE("refusal.sale.notActive");

    private final String code;

    Reason(String code) {
      this.code = code;
    }
  }

  static Accepted accepted(FlashTicket ticket) {
    return new Accepted(ticket);
  }

  static Refused soldOut(SaleId saleId) {
    return new Refused(Reason.SOLD_OUT, saleId);
  }

  static Refused limitReached(SaleId saleId) {
    return new Refused(Reason.LIMIT_REACHED, saleId);
  }

  static Refused notActive(SaleId saleId) {
    return new Refused(Reason.NOT_ACTIVE, saleId);
  }
}
