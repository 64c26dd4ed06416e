-- KEYS: sale, buyers, holds, queued. ARGV: buyer id, ticket id, quantity, now ms.
-- The whole purchase decision in one atomic step: window, per-buyer limit, stock.
local sale = redis.call('HMGET', KEYS[1], 'stock', 'starts', 'ends', 'limit')
if not sale[1] then
  return 'UNKNOWN_SALE'
end
local now = tonumber(ARGV[4])
if now < tonumber(sale[2]) or now >= tonumber(sale[3]) then
  return 'NOT_ACTIVE'
end
local quantity = tonumber(ARGV[3])
local bought = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
if bought + quantity > tonumber(sale[4]) then
  return 'LIMIT_REACHED'
end
if tonumber(sale[1]) < quantity then
  return 'SOLD_OUT'
end
redis.call('HINCRBY', KEYS[1], 'stock', -quantity)
redis.call('HINCRBY', KEYS[2], ARGV[1], quantity)
redis.call('HSET', KEYS[3], ARGV[2], ARGV[1] .. ':' .. ARGV[3])
-- Unsettled until its order is placed: if the message never reaches the queue, it is resent.
redis.call('ZADD', KEYS[4], ARGV[4], ARGV[2])
local expiry = tonumber(sale[3]) + 86400000 -- as the sale's own key (load.lua)
redis.call('PEXPIREAT', KEYS[2], expiry)
redis.call('PEXPIREAT', KEYS[3], expiry)
redis.call('PEXPIREAT', KEYS[4], expiry)
return 'ACCEPTED'
