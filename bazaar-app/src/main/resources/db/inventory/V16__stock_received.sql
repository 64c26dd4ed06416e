-- Stage 15 (observability): the units each item ever received — its starting stock and every
-- admin count or adjustment since — so the operations page can check the stock accounting
-- received = available + held by unpaid orders + sold (reservations PLACED/HELD and PAID).
-- Stock rows from before this migration have no record of what they received: NULL, and the
-- check skips them (it cannot tell a leak from history it never saw).
ALTER TABLE stock ADD COLUMN received BIGINT NULL;
