-- KEYS: sale, buyers, holds, queued. ARGV: before ms, now ms, max.
-- Claims tickets queued before ARGV[1] and not settled: each is stamped now (so another node
-- does not claim it again at once) and returned with its hold as id, buyer:units pairs.
local ids = redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', '(' .. ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local claimed = {}
for _, id in ipairs(ids) do
  local hold = redis.call('HGET', KEYS[3], id)
  if hold then
    redis.call('ZADD', KEYS[4], ARGV[2], id)
    table.insert(claimed, id)
    table.insert(claimed, hold)
  else
    redis.call('ZREM', KEYS[4], id) -- given back: nothing left to order
  end
end
return claimed
