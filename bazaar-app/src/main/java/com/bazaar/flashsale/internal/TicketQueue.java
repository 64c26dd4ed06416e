package com.bazaar.flashsale.internal;

/** The queue port between accepted purchases and the order side; delivers at least once. */
interface TicketQueue {

  void enqueue(TicketOrder ticket);
}
