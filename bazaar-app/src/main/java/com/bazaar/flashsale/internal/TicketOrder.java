package com.bazaar.flashsale.internal;

/**
 * The queued work of an accepted purchase: place this order. Travels through the queue as a
 * plain text line so that no serializer has to agree between nodes.
 */
record TicketOrder(long ticketId, long saleId, long buyerId, int quantity) {

  String encode() {
    return ticketId + ":" + saleId + ":" + buyerId + ":" + quantity;
  }

  static TicketOrder decode(String text) {
    String[] parts = text.trim().split(":");
    if (parts.length != 4) {
      throw new IllegalArgumentException("not a ticket order: " + text);
    }
    return new TicketOrder(
        Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]), Integer.parseInt(parts[3]));
  }
}
