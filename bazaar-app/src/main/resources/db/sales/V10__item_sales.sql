-- sales module: units sold per item, counted once per paid order.
CREATE TABLE item_sales (
  item_id BIGINT NOT NULL PRIMARY KEY,
  sold    BIGINT NOT NULL
);
