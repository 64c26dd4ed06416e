-- payment module: a payment is never taken twice (one row per order).
CREATE TABLE payments (
  id                 BIGINT       NOT NULL PRIMARY KEY,
  order_id           BIGINT       NOT NULL,
  buyer_id           BIGINT       NOT NULL,
  amount             BIGINT       NOT NULL,
  currency           CHAR(3)      NOT NULL,
  provider_reference VARCHAR(100) NOT NULL,
  created_at         DATETIME(6)  NOT NULL,
  CONSTRAINT uk_payments_order UNIQUE (order_id)
);
