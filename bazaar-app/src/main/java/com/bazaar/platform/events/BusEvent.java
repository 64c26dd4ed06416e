package com.bazaar.platform.events;

/**
 * A domain event that leaves its module over the event bus: recorded in the outbox with
 * the change that raised it, then handed to every {@link EventSubscription} for its type,
 * in process (embedded default) or through RabbitMQ ({@code bazaar.bus.type=rabbit}).
 * Implementations are small records that serialize to JSON.
 */
public interface BusEvent {}
