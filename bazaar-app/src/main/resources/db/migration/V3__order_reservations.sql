-- Stage 9: the stock each order holds, keyed by order id, in the database that holds the
-- stock. With sharded orders, placing an order is no longer one local transaction; this row
-- is the arbiter of what happened to the stock (see docs/sharding.md):
--   HELD      stock taken, the order row may not exist yet
--   PLACED    the order row exists in its shard
--   PAID      the money is collected; the stock is sold
--   RELEASED  the stock went back (cancelled, expired, or the order never appeared)
CREATE TABLE order_reservations (
  order_id   BIGINT        NOT NULL PRIMARY KEY,
  buyer_id   BIGINT        NOT NULL,
  state      VARCHAR(10)   NOT NULL,
  stock      VARCHAR(4000) NOT NULL,
  created_at DATETIME(6)   NOT NULL,
  updated_at DATETIME(6)   NOT NULL
);
CREATE INDEX ix_order_reservations_state ON order_reservations (state, created_at);

-- Orders placed before this migration hold their stock as before; give each its row, in the
-- state its status implies, so paying and cancelling them work like any other order.
INSERT INTO order_reservations (order_id, buyer_id, state, stock, created_at, updated_at)
SELECT o.id, o.buyer_id,
       CASE o.status WHEN 'PENDING_PAYMENT' THEN 'PLACED' WHEN 'PAID' THEN 'PAID' ELSE 'RELEASED' END,
       (SELECT GROUP_CONCAT(CONCAT(l.item_id, ':', l.quantity) ORDER BY l.line_no SEPARATOR ',')
          FROM order_lines l WHERE l.order_id = o.id),
       o.created_at, o.created_at
  FROM orders o;

-- The recovery job frees the key of an order it gave up on, found by the order id.
CREATE INDEX ix_idempotency_keys_resource ON idempotency_keys (resource_id);
