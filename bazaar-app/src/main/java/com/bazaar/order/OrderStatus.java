package com.bazaar.order;

/** The life of an order: placed and awaiting payment, then paid or cancelled. */
public enum OrderStatus {
  PENDING_PAYMENT,
  PAID,
  CANCELLED
}
