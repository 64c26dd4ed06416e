-- Issue 13: what the admin pages and the header need.
-- An admin can disable an account: it can no longer log in, and its sessions end
-- (user/internal/AccountChecks). The same change as db/user/V3__enabled_users.sql, for the
-- single-database layout.
ALTER TABLE users ADD COLUMN enabled BOOLEAN DEFAULT TRUE NOT NULL;

-- The header's unread count is one range of this index per page of a logged-in shopper.
CREATE INDEX ix_notifications_unread ON notifications (buyer_id, read_at);

-- The dashboard's low-stock list reads the lowest levels first.
CREATE INDEX ix_stock_available ON stock (available, item_id);
