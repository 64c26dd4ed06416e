-- Issue 13: an admin can disable an account: it can no longer log in, and its sessions end
-- (user/internal/AccountChecks).
ALTER TABLE users ADD COLUMN enabled BOOLEAN DEFAULT TRUE NOT NULL;
