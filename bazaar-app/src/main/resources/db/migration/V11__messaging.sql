-- Stage 11: idempotent consumers and the consumers' own tables. Version 11 (the stage) so
-- that migrations added in parallel by other stages keep distinct numbers.

-- One row per message a consumer applied, written in the same transaction as the effect.
CREATE TABLE processed_messages (
  consumer     VARCHAR(100) NOT NULL,
  message_id   VARCHAR(200) NOT NULL,
  processed_at DATETIME(6)  NOT NULL,
  PRIMARY KEY (consumer, message_id)
);

-- A buyer's notifications, newest first.
CREATE TABLE notifications (
  id         BIGINT       NOT NULL PRIMARY KEY,
  buyer_id   BIGINT       NOT NULL,
  order_id   BIGINT       NOT NULL,
  kind       VARCHAR(30)  NOT NULL,
  message    VARCHAR(300) NOT NULL,
  created_at DATETIME(6)  NOT NULL,
  read_at    DATETIME(6)  NULL
);
CREATE INDEX ix_notifications_buyer ON notifications (buyer_id, id);

-- Units sold per item, counted once per paid order.
CREATE TABLE item_sales (
  item_id BIGINT NOT NULL PRIMARY KEY,
  sold    BIGINT NOT NULL
);
