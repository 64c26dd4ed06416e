package com.bazaar.flashsale.internal;

import com.bazaar.flashsale.FlashSale;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Redis adapter: a sale is four keys sharing one hash tag (so they live on one cluster slot):
 * the sale hash (stock, window, limit), its buyers (units per buyer), its holds (ticket →
 * buyer:units) and its queued tickets (a sorted set: ticket → when it was last sent). Every decision is one Lua script, so all nodes see one counter and a take is
 * atomic without a lock.
 */
@Component
@ConditionalOnProperty(name = "bazaar.flash.stock.type", havingValue = "redis")
final class RedisFlashStock implements FlashStock {
  private static final RedisScript<Long> LOAD = script("load", Long.class);
  private static final RedisScript<String> TAKE = script("take", String.class);
  private static final RedisScript<Long> GIVE_BACK = script("give-back", Long.class);
  @SuppressWarnings("rawtypes")
  private static final RedisScript<List> RECLAIM = script("reclaim", List.class);

  private final StringRedisTemplate redis;
  private final String namespace;

  RedisFlashStock(StringRedisTemplate redis, @Value("${bazaar.flash.stock.namespace}") String namespace) {
    this.redis = redis;
    this.namespace = namespace;
  }

  @Override
  public void load(FlashSale sale, long remaining) {
    redis.execute(LOAD, keys(sale.id().value()),
        String.valueOf(remaining),
        String.valueOf(sale.startsAt().toEpochMilli()),
        String.valueOf(sale.endsAt().toEpochMilli()),
        String.valueOf(sale.limitPerUser()));
  }

  @Override
  public Take take(long saleId, long buyerId, long ticketId, int quantity, Instant now) {
    String answer = redis.execute(TAKE, keys(saleId),
        String.valueOf(buyerId), String.valueOf(ticketId), String.valueOf(quantity),
        String.valueOf(now.toEpochMilli()));
    return Take.valueOf(answer);
  }

  @Override
  public boolean giveBack(long saleId, long ticketId) {
    Long given = redis.execute(GIVE_BACK, keys(saleId), String.valueOf(ticketId));
    return given != null && given == 1L;
  }

  @Override
  public void settled(long saleId, long ticketId) {
    redis.opsForZSet().remove(keys(saleId).get(3), String.valueOf(ticketId));
  }

  @Override
  public List<TicketOrder> reclaim(long saleId, Instant before, Instant now, int max) {
    List<?> claimed = redis.execute(RECLAIM, keys(saleId),
        String.valueOf(before.toEpochMilli()), String.valueOf(now.toEpochMilli()), String.valueOf(max));
    List<TicketOrder> tickets = new ArrayList<>();
    for (int i = 0; claimed != null && i + 1 < claimed.size(); i += 2) {
      String[] hold = claimed.get(i + 1).toString().split(":");
      tickets.add(new TicketOrder(Long.parseLong(claimed.get(i).toString()), saleId,
          Long.parseLong(hold[0]), Integer.parseInt(hold[1])));
    }
    return tickets;
  }

  @Override
  public Optional<Long> holder(long saleId, long ticketId) {
    Object hold = redis.opsForHash().get(keys(saleId).get(2), String.valueOf(ticketId));
    return Optional.ofNullable(hold).map(h -> Long.parseLong(h.toString().split(":")[0]));
  }

  @Override
  public long remaining(long saleId) {
    Object stock = redis.opsForHash().get(keys(saleId).get(0), "stock");
    return stock == null ? 0 : Long.parseLong(stock.toString());
  }

  private List<String> keys(long saleId) {
    String sale = namespace + ":{" + saleId + "}";
    return List.of(sale, sale + ":buyers", sale + ":holds", sale + ":queued");
  }

  private static <T> RedisScript<T> script(String name, Class<T> type) {
    return RedisScript.of(new ClassPathResource("flashsale/" + name + ".lua"), type);
  }
}
