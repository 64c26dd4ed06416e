-- Issue 10: per-buyer limits on unpaid orders and units (PendingOrderLimits). One row per buyer
-- who ever ordered, locked FOR UPDATE while a placement counts the buyer's pending reservations,
-- so concurrent placements of one buyer are counted one after another, on any node.
CREATE TABLE order_buyer_guards (
  buyer_id BIGINT NOT NULL PRIMARY KEY
);
-- The count reads a buyer's pending reservations.
CREATE INDEX ix_order_reservations_buyer ON order_reservations (buyer_id, state);
