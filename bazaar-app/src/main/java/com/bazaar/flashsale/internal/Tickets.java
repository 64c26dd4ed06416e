package com.bazaar.flashsale.internal;

import static com.bazaar.platform.time.UtcColumns.toColumn;

import com.bazaar.flashsale.FlashTicket;
import com.bazaar.platform.id.OrderId;
import com.bazaar.platform.id.SaleId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code flash_tickets} table: settled tickets only; a queued one lives in the stock counter. */
@Repository
class Tickets {
  private final JdbcClient jdbc;

  Tickets(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the settlement once; a redelivered ticket finds it settled already and changes nothing. */
  boolean settle(TicketOrder ticket, FlashTicket.Status status, Optional<Long> orderId, Instant now) {
    try {
      jdbc.sql("""
              INSERT INTO flash_tickets (id, sale_id, buyer_id, quantity, status, order_id, settled_at)
              VALUES (?, ?, ?, ?, ?, ?, ?)""")
          .params(ticket.ticketId(), ticket.saleId(), ticket.buyerId(), ticket.quantity(), status.name())
          .param(orderId.orElse(null)) // NULL when the ticket was refused: no order
          .param(toColumn(now))
          .update();
      return true;
    } catch (DuplicateKeyException alreadySettled) {
      return false;
    }
  }

  Optional<Settled> find(long ticketId) {
    return jdbc.sql("SELECT * FROM flash_tickets WHERE id = ?").param(ticketId).query(Tickets::settled).optional();
  }

  Optional<Settled> findByOrder(long orderId) {
    return jdbc.sql("SELECT * FROM flash_tickets WHERE order_id = ?").param(orderId).query(Tickets::settled).optional();
  }

  /** Marks an ordered ticket's units as returned; true only the first time. */
  boolean markReleased(long ticketId, Instant now) {
    return jdbc.sql("UPDATE flash_tickets SET released_at = ? WHERE id = ? AND status = 'ORDERED' AND released_at IS NULL")
        .params(toColumn(now), ticketId)
        .update() == 1;
  }

  /** Units of the sale that ordered tickets still hold (not released). */
  long unitsHeld(long saleId) {
    return jdbc.sql("""
            SELECT COALESCE(SUM(quantity), 0) FROM flash_tickets
            WHERE sale_id = ? AND status = 'ORDERED' AND released_at IS NULL""")
        .param(saleId)
        .query(Long.class)
        .single();
  }

  /** Units the buyer holds in the sale (the naive mode's limit check). */
  long unitsHeldBy(long saleId, long buyerId) {
    return jdbc.sql("""
            SELECT COALESCE(SUM(quantity), 0) FROM flash_tickets
            WHERE sale_id = ? AND buyer_id = ? AND status = 'ORDERED' AND released_at IS NULL""")
        .params(saleId, buyerId)
        .query(Long.class)
        .single();
  }

  /** Settled tickets of the sale by status, for the admins' watch page (ix_flash_tickets_sale_buyer). */
  Tally tally(long saleId) {
    return jdbc.sql("""
            SELECT
              COALESCE(SUM(CASE WHEN status = 'ORDERED' THEN 1 ELSE 0 END), 0) AS ordered_tickets,
              COALESCE(SUM(CASE WHEN status = 'ORDERED' AND released_at IS NULL THEN quantity ELSE 0 END), 0) AS ordered_units,
              COALESCE(SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END), 0) AS failed_tickets,
              COALESCE(SUM(CASE WHEN released_at IS NOT NULL THEN quantity ELSE 0 END), 0) AS returned_units
            FROM flash_tickets WHERE sale_id = ?""")
        .param(saleId)
        .query((rs, n) -> new Tally(rs.getLong("ordered_tickets"), rs.getLong("ordered_units"),
            rs.getLong("failed_tickets"), rs.getLong("returned_units")))
        .single();
  }

  record Tally(long orderedTickets, long orderedUnits, long failedTickets, long returnedUnits) {}

  private static Settled settled(ResultSet rs, int row) throws SQLException {
    long orderId = rs.getLong("order_id");
    Optional<OrderId> order = rs.wasNull() ? Optional.empty() : Optional.of(OrderId.of(orderId));
    return new Settled(
        new FlashTicket(rs.getLong("id"), SaleId.of(rs.getLong("sale_id")), FlashTicket.Status.valueOf(rs.getString("status")), order),
        rs.getLong("buyer_id"),
        rs.getInt("quantity"));
  }

  record Settled(FlashTicket ticket, long buyerId, int quantity) {}
}
