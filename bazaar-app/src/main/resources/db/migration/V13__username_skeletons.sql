-- Issue 10: look-alike usernames. The TR39 confusable skeleton of each name's NFKC case-folded
-- key (UsernameRules); unique, so a name that looks like an existing one cannot be registered,
-- however two registrations race. Rows from before stay NULL until UsernameSkeletons fills them.
-- The same change as db/user/V2__username_skeletons.sql, for the single-database layout.
ALTER TABLE users ADD COLUMN username_skeleton VARCHAR(200) NULL;
CREATE UNIQUE INDEX uk_users_username_skeleton ON users (username_skeleton);
