package com.bazaar.support;

import static org.assertj.core.api.Assertions.assertThat;

/** A shopper's trade steps over the API, for tests about what follows an order. */
public final class Trades {
  private Trades() {}

  /** Places an order for one line and answers its id. */
  public static String place(ApiClient shopper, long itemId, int quantity) {
    ApiClient.Answer placed = shopper.post("/api/orders",
        "{\"lines\":[{\"itemId\":\"" + itemId + "\",\"quantity\":" + quantity + "}]}");
    assertThat(placed.status()).as("placing: %s", placed).isEqualTo(201);
    return placed.json().get("id").asString();
  }

  public static void pay(ApiClient shopper, String orderId) {
    ApiClient.Answer paid = shopper.post("/api/orders/" + orderId + "/pay", "{}");
    assertThat(paid.status()).as("paying: %s", paid).isEqualTo(200);
  }

  public static void cancel(ApiClient shopper, String orderId) {
    ApiClient.Answer cancelled = shopper.post("/api/orders/" + orderId + "/cancel", null);
    assertThat(cancelled.status()).as("cancelling: %s", cancelled).isEqualTo(200);
  }

  /** Units sold of the item, as the sales API reports them. */
  public static long sold(ApiClient anyone, long itemId) {
    return anyone.get("/api/items/" + itemId + "/sales").json().get("sold").asLong();
  }
}
