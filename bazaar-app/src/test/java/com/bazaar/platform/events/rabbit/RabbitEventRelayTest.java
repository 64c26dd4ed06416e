package com.bazaar.platform.events.rabbit;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.bazaar.platform.data.DataLayout;
import com.bazaar.platform.events.BusEvent;
import com.bazaar.platform.events.BusProperties;
import com.bazaar.platform.events.EventDeliveries;
import com.bazaar.platform.events.EventSubscription;
import com.bazaar.platform.events.EventTraceContexts;
import com.bazaar.platform.services.Deployment;
import com.bazaar.platform.services.Deployment.Mode;
import com.bazaar.platform.services.Deployment.Role;
import com.bazaar.platform.tracing.Traces;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.ReturnedMessage;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which events the outbox relay sends, and when the broker's "no queue took it" means the event is
 * offered again: in the monolith only events a subscription of this process wants are sent; in
 * the services deployment every event is, and one nobody here wants counts as delivered when no
 * other role's queue took it (docs/services.md, Events across services).
 */
class RabbitEventRelayTest {
  record Announced(long id) implements BusEvent {}

  private final RabbitTemplate rabbit = mock(RabbitTemplate.class);

  @Test
  void inTheMonolithAnEventNoSubscriptionHereWantsIsNotSent() {
    relay(Mode.MONOLITH, List.of()).relay(new Announced(1));

    verify(rabbit, never()).send(anyString(), anyString(), any(Message.class), any(CorrelationData.class));
  }

  @Test
  void inTheServicesDeploymentItIsSentAndNoQueueTakingItMeansNoRoleListensNow() {
    brokerConfirmsWithoutAQueue();

    assertThatNoException().isThrownBy(() -> relay(Mode.SERVICES, List.of()).relay(new Announced(2)));
    verify(rabbit).send(anyString(), anyString(), any(Message.class), any(CorrelationData.class));
  }

  @Test
  void anEventASubscriptionHereWantsIsOfferedAgainWhenNoQueueTookIt() {
    brokerConfirmsWithoutAQueue();
    var wanted = List.<EventSubscription<?>>of(EventSubscription.oneNode("test.announced", Announced.class, event -> {}));

    for (Mode mode : Mode.values()) {
      assertThatThrownBy(() -> relay(mode, wanted).relay(new Announced(3)))
          .isInstanceOf(RabbitEventRelay.EventNotRelayed.class)
          .hasMessageContaining("no queue took it");
    }
  }

  /** The broker acknowledges the message and hands it back: no queue is bound for its routing key. */
  private void brokerConfirmsWithoutAQueue() {
    doAnswer(call -> {
      CorrelationData correlation = call.getArgument(3);
      correlation.setReturned(new ReturnedMessage(new Message(new byte[0], new MessageProperties()), 312, "NO_ROUTE",
          call.getArgument(0), call.getArgument(1)));
      correlation.getFuture().complete(new CorrelationData.Confirm(true, null));
      return null;
    }).when(rabbit).send(anyString(), anyString(), any(Message.class), any(CorrelationData.class));
  }

  private RabbitEventRelay relay(Mode mode, List<EventSubscription<?>> subscriptions) {
    DataLayout layout = mock(DataLayout.class);
    when(layout.sharesOutboxDatabase(anyString())).thenReturn(true);
    EventDeliveries deliveries = new EventDeliveries(subscriptions, mock(PlatformTransactionManager.class), layout,
        mock(EventPublicationRegistry.class));
    BusProperties properties = new BusProperties(BusProperties.Type.RABBIT, "test", 0, null, null, null);
    StaticListableBeanFactory none = new StaticListableBeanFactory();
    Traces traces = new Traces(none.getBeanProvider(Tracer.class), none.getBeanProvider(Propagator.class));
    Deployment deployment = mode == Mode.MONOLITH ? new Deployment(mode, Role.ALL) : new Deployment(mode, Role.CATALOG);
    return new RabbitEventRelay(rabbit, new BusTopology(properties), deliveries, JsonMapper.builder().build(),
        properties, traces, new EventTraceContexts(), deployment);
  }
}
