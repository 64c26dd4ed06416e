package com.bazaar.payment;

/**
 * How the shopper pays, chosen at checkout. Simulated: the provider records it on the charge. The
 * pages name it by the message key {@code payment.method.<NAME>}.
 */
public enum PaymentMethod {
  ALIPAY,
  WECHAT,
  CARD
}
