package com.bazaar.flashsale;

import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.id.SaleId;
import com.bazaar.platform.id.UserId;
import java.util.List;
import java.util.Optional;

/**
 * The flash-sale module's API. {@link #purchase} decides at memory speed whether the buyer
 * gets units (sale open, stock left, under the per-buyer limit) and answers with a ticket;
 * the order itself is placed later, at a controlled rate, and the buyer polls the ticket.
 */
public interface FlashSales {

  /** Creates the sale and loads its stock where purchases are decided. */
  FlashSale create(FlashSaleDraft draft);

  /** All sales, newest first. */
  List<FlashSale> sales();

  Optional<FlashSale> sale(SaleId saleId);

  /**
   * Sales that have not ended (open now or still to come), soonest start first. Read from a
   * list each node keeps for a moment (a new sale shows on other nodes within
   * seconds), so the shop's pages may ask on every request without touching the database.
   */
  List<FlashSale> current();

  /** The item's sale that is open now, else its next one to come, from {@link #current()}. */
  Optional<FlashSale> currentFor(ItemId itemId);

  /** How far the sale has come: units taken, tickets ordered and failed (admins watch this). */
  FlashSaleProgress progress(SaleId saleId);

  /** Units not yet taken by an accepted purchase. */
  long remaining(SaleId saleId);

  /**
   * Takes {@code quantity} units for the buyer and answers the ticket, or answers why not
   * (sold out, limit reached, not open) as a {@link FlashPurchase.Refused}; throws only for a
   * sale that does not exist ({@link FlashSaleNotFound}) or a quantity below one.
   */
  FlashPurchase purchase(SaleId saleId, UserId buyerId, int quantity);

  /** The buyer's ticket; another buyer's ticket is not found. */
  FlashTicket ticket(SaleId saleId, UserId buyerId, long ticketId);

  /** The accounts of every sale that has not ended (the operations page's invariant). */
  List<FlashSaleAccount> accounts();
}
