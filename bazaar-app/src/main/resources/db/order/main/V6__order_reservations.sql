-- order module, the tables that stay beside the stock in every layout (the main database).

-- A retried order or payment does nothing twice: the key, the request's hash, what it made.
CREATE TABLE idempotency_keys (
  user_id      BIGINT       NOT NULL,
  scope        VARCHAR(40)  NOT NULL,
  idem_key     VARCHAR(100) NOT NULL,
  request_hash VARCHAR(64)  NOT NULL,
  resource_id  BIGINT       NOT NULL,
  created_at   DATETIME(6)  NOT NULL,
  PRIMARY KEY (user_id, scope, idem_key)
);
-- The recovery job frees the key of an order it gave up on, found by the order id.
CREATE INDEX ix_idempotency_keys_resource ON idempotency_keys (resource_id);

-- The stock each order holds, keyed by order id, in the database that holds the stock. With
-- sharded orders placing an order is not one local transaction; this row is the arbiter of what
-- happened to the stock (docs/sharding.md):
--   HELD      stock taken, the order row may not exist yet
--   PLACED    the order row exists
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
-- PendingOrderLimits counts a buyer's pending reservations.
CREATE INDEX ix_order_reservations_buyer ON order_reservations (buyer_id, state);

-- Per-buyer limits on unpaid orders and units: one row per buyer who ever ordered, locked FOR
-- UPDATE while a placement counts the buyer's pending reservations, so concurrent placements of
-- one buyer are counted one after another, on any node.
CREATE TABLE order_buyer_guards (
  buyer_id BIGINT NOT NULL PRIMARY KEY
);
