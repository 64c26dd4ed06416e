package com.bazaar.payment;

/** How the shopper pays, chosen at checkout. Simulated: the provider records it on the charge. */
public enum PaymentMethod {
  ALIPAY("支付宝 Alipay"),
  WECHAT("微信支付 WeChat Pay"),
  CARD("银行卡 Card");

  private final String label;

  PaymentMethod(String label) {
    this.label = label;
  }

  /** The bilingual name the pages show. */
  public String label() {
    return label;
  }
}
