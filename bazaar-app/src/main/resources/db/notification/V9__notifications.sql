-- notification module: a buyer's notifications, newest first.
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
