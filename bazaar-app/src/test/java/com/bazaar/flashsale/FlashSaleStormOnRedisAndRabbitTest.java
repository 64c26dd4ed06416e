package com.bazaar.flashsale;

import com.bazaar.support.RealEngines;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The storm on the real engines: the Redis Lua counter and a RabbitMQ queue (local servers;
 * bin/test makes sure they run). Keys and the queue carry a random name, removed
 * afterwards, so parallel runs and other helpers never meet.
 */
@RealEngines
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {
  FlashSaleStormContract.FAST_TEST_USERS,
  FlashSaleStormContract.GENEROUS_LIMITS,
  FlashSaleStormContract.GENEROUS_LOGINS,
  "bazaar.flash.stock.type=redis",
  "bazaar.flash.queue.type=rabbit",
})
class FlashSaleStormOnRedisAndRabbitTest extends FlashSaleStormContract {
  private static final String RUN = UUID.randomUUID().toString();
  private static final String QUEUE = "bazaar.flash.test-" + RUN;
  private static final String NAMESPACE = "bazaar-test-" + RUN + ":flash";

  @Autowired AmqpAdmin rabbitAdmin;
  @Autowired StringRedisTemplate redis;

  @DynamicPropertySource
  static void privateNames(DynamicPropertyRegistry properties) {
    properties.add("bazaar.flash.queue.name", () -> QUEUE);
    properties.add("bazaar.flash.stock.namespace", () -> NAMESPACE);
  }

  @AfterAll
  void removeQueueAndKeys() {
    rabbitAdmin.deleteQueue(QUEUE);
    var keys = redis.keys(NAMESPACE + ":*");
    if (keys != null && !keys.isEmpty()) {
      redis.delete(keys);
    }
  }
}
