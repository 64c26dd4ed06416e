package com.bazaar.bench;

import java.util.concurrent.ConcurrentLinkedDeque;

/** A virtual shopper: its own session cookie and the orders it placed but has not paid yet. */
public final class Shopper {

  private final String username;
  private volatile String sessionCookie;
  private final ConcurrentLinkedDeque<String> unpaid = new ConcurrentLinkedDeque<>();

  Shopper(String username) {
    this.username = username;
  }

  public String username() {
    return username;
  }

  String sessionCookie() {
    return sessionCookie;
  }

  void sessionCookie(String cookie) {
    this.sessionCookie = cookie;
  }

  void placed(String orderId) {
    unpaid.addLast(orderId);
  }

  /** Takes an unpaid order, so that two concurrent pays never pick the same one. */
  String takeUnpaid() {
    return unpaid.pollFirst();
  }
}
