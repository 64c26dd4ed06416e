-- Issue 13: an admin can disable an account (user/internal/AccountChecks). The same change as
-- db/migration/V15__shop_admin.sql, for the user domain's own database.
ALTER TABLE users ADD COLUMN enabled BOOLEAN DEFAULT TRUE NOT NULL;
