-- Issue 13: an order keeps a copy of the address it ships to (the address book may change or lose
-- it later) and the payment method chosen at checkout. All NULL for orders placed without them.
-- ${suffix}: every physical order table of every shard, and the single database's orders.
ALTER TABLE orders${suffix} ADD COLUMN payment_method VARCHAR(10) NULL;
ALTER TABLE orders${suffix} ADD COLUMN ship_recipient VARCHAR(50) NULL;
ALTER TABLE orders${suffix} ADD COLUMN ship_phone VARCHAR(20) NULL;
ALTER TABLE orders${suffix} ADD COLUMN ship_region VARCHAR(50) NULL;
ALTER TABLE orders${suffix} ADD COLUMN ship_city VARCHAR(50) NULL;
ALTER TABLE orders${suffix} ADD COLUMN ship_line VARCHAR(200) NULL;
ALTER TABLE orders${suffix} ADD COLUMN ship_postcode VARCHAR(10) NULL;
