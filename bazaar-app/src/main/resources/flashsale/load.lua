-- KEYS: sale, buyers, holds. ARGV: remaining, startsAt ms, endsAt ms, limit per buyer.
-- Loads a sale once: a second node starting (or a restart) must not refill a sale in progress.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], 'stock', ARGV[1], 'starts', ARGV[2], 'ends', ARGV[3], 'limit', ARGV[4])
-- Kept a day past the end: unpaid orders cancelled after the sale still give their units back.
redis.call('PEXPIREAT', KEYS[1], tonumber(ARGV[3]) + 86400000)
return 1
