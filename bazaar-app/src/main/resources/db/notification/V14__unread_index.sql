-- The header's unread count is one range of this index per page of a logged-in shopper.
CREATE INDEX ix_notifications_unread ON notifications (buyer_id, read_at);
