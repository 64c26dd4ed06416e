-- Issue 14: lists ordered by price, of one category or of all items, and price-range filters.
CREATE INDEX ix_items_category_price ON items (category_id, price_amount);
CREATE INDEX ix_items_price ON items (price_amount);
