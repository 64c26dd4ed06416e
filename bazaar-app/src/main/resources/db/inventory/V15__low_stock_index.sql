-- The admin dashboard's low-stock list reads the lowest levels first.
CREATE INDEX ix_stock_available ON stock (available, item_id);
