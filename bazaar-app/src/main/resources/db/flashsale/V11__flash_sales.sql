-- flashsale module. Purchases are decided in memory or Redis; the database keeps the sales and
-- the settled tickets. "sold" is used only by the naive mode (bazaar.flash.mode=naive), which
-- counts in the database for the benchmark's comparison.
CREATE TABLE flash_sales (
  id             BIGINT      NOT NULL PRIMARY KEY,
  item_id        BIGINT      NOT NULL,
  price_amount   BIGINT      NOT NULL,
  currency       CHAR(3)     NOT NULL,
  stock          INT         NOT NULL,
  sold           INT         NOT NULL,
  limit_per_user INT         NOT NULL,
  starts_at      DATETIME(6) NOT NULL,
  ends_at        DATETIME(6) NOT NULL,
  CONSTRAINT ck_flash_sales_sold CHECK (sold >= 0 AND sold <= stock)
);
CREATE INDEX ix_flash_sales_ends ON flash_sales (ends_at);

-- A ticket is written once it is settled: ORDERED (with its order) or FAILED. released_at marks
-- an ordered ticket whose unpaid order was cancelled and whose units went back.
CREATE TABLE flash_tickets (
  id          BIGINT      NOT NULL PRIMARY KEY,
  sale_id     BIGINT      NOT NULL,
  buyer_id    BIGINT      NOT NULL,
  quantity    INT         NOT NULL,
  status      VARCHAR(10) NOT NULL,
  order_id    BIGINT      NULL,
  settled_at  DATETIME(6) NOT NULL,
  released_at DATETIME(6) NULL
);
CREATE INDEX ix_flash_tickets_order ON flash_tickets (order_id);
CREATE INDEX ix_flash_tickets_sale_buyer ON flash_tickets (sale_id, buyer_id);
