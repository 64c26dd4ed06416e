-- KEYS: sale, buyers, holds, queued. ARGV: ticket id.
-- Returns a ticket's units once: the hold is removed in the same step, so a repeat does nothing.
local hold = redis.call('HGET', KEYS[3], ARGV[1])
if not hold then
  return 0
end
local separator = string.find(hold, ':')
local buyer = string.sub(hold, 1, separator - 1)
local quantity = tonumber(string.sub(hold, separator + 1))
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('HINCRBY', KEYS[1], 'stock', quantity)
redis.call('HINCRBY', KEYS[2], buyer, -quantity)
return 1
