package com.bazaar.flashsale;

import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.Money;
import com.bazaar.platform.id.ItemId;
import java.time.Instant;

/** What an admin asks for when creating a sale; checked here so no bad sale reaches storage. */
public record FlashSaleDraft(
    ItemId itemId, Money price, int stock, Instant startsAt, Instant endsAt, int limitPerUser) {

  public FlashSaleDraft {
    if (price == null || price.amount() <= 0) {
      throw new InvalidInput("price", "refusal.positiveAmount");
    }
    if (stock < 1) {
      throw new InvalidInput("stock", "refusal.atLeast", 1);
    }
    if (limitPerUser < 1) {
      throw new InvalidInput("limitPerUser", "refusal.atLeast", 1);
    }
    if (startsAt == null || endsAt == null) {
      throw new InvalidInput(startsAt == null ? "startsAt" : "endsAt", "refusal.required");
    }
    if (!startsAt.isBefore(endsAt)) {
      throw new InvalidInput("endsAt", "refusal.after", "startsAt");
    }
  }
}
