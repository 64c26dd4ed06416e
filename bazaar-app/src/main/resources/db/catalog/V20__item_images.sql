-- Issue 14: the name of an item's uploaded picture (its content hash and type, e.g.
-- 0123…cdef.png); NULL while it has none and the shop draws one from its title.
ALTER TABLE items ADD COLUMN image VARCHAR(40) NULL;
