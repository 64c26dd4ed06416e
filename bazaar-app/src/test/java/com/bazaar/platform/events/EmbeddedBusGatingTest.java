package com.bazaar.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The embedded default stays broker-free although the AMQP starter is on the classpath:
 * events go through the in-process bus, no RabbitMQ adapter exists, and health is UP with
 * no RabbitMQ component to report DOWN.
 */
class EmbeddedBusGatingTest extends ApiTest {
  @Autowired ApplicationContext context;

  @Test
  void theDefaultUsesTheInProcessBusAndNeverMentionsRabbitMq() {
    assertThat(context.getBeansOfType(InProcessEventBus.class)).hasSize(1);
    assertThat(context.getBeanDefinitionNames())
        .noneMatch(name -> name.startsWith("rabbitEventRelay") || name.startsWith("rabbitSubscribers"));

    var health = anonymous().get("/actuator/health").json();
    assertThat(health.get("status").asString()).isEqualTo("UP");
    assertThat(health.get("components").has("rabbit")).isFalse();
  }
}
