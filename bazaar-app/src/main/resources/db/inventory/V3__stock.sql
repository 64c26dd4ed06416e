-- inventory module: stock available to buy now. Never negative, whatever races the updates.
CREATE TABLE stock (
  item_id    BIGINT      NOT NULL PRIMARY KEY,
  available  BIGINT      NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  CONSTRAINT ck_stock_never_negative CHECK (available >= 0)
);
