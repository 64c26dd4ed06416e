package com.bazaar.storefront;

import com.bazaar.flashsale.FlashSale;
import com.bazaar.platform.Money;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;

/**
 * A flash sale as the pages show it: the item's title and regular price beside the sale's, the
 * units left, and where the sale stands at the moment the page is drawn, in words.
 */
record SaleCard(FlashSale sale, String itemTitle, @Nullable Money regularPrice, long remaining, State state, MessageSourceResolvable whenText) {
  private static final ShopFormat FORMAT = new ShopFormat();

  enum State {
    UPCOMING,
    LIVE,
    SOLD_OUT,
    ENDED
  }

  static SaleCard of(FlashSale sale, String itemTitle, @Nullable Money regularPrice, long remaining, Instant now) {
    State state;
    MessageSourceResolvable whenText;
    if (now.isBefore(sale.startsAt())) {
      state = State.UPCOMING;
      whenText = ShopText.of("sale.when.upcoming", FORMAT.time(sale.startsAt()), Countdown.text(now, sale.startsAt()));
    } else if (!now.isBefore(sale.endsAt())) {
      state = State.ENDED;
      whenText = ShopText.of("sale.when.ended", FORMAT.time(sale.endsAt()));
    } else if (remaining <= 0) {
      state = State.SOLD_OUT;
      whenText = ShopText.of("sale.when.soldOut", Countdown.text(now, sale.endsAt()));
    } else {
      state = State.LIVE;
      whenText = ShopText.of("sale.when.live", Countdown.text(now, sale.endsAt()));
    }
    return new SaleCard(sale, itemTitle, regularPrice, remaining, state, whenText);
  }

  public boolean isLive() {
    return state == State.LIVE;
  }

  public boolean isUpcoming() {
    return state == State.UPCOMING;
  }

  public boolean isSoldOut() {
    return state == State.SOLD_OUT;
  }

  public boolean isEnded() {
    return state == State.ENDED;
  }

  /** The CSS class and data-test value of the state: "live", "upcoming", "sold-out", "ended". */
  public String stateName() {
    return state.name().toLowerCase().replace('_', '-');
  }

  /** The share off the regular price, whole percent, when the sale is cheaper in the same currency. */
  public long percentOff() {
    if (regularPrice == null || !regularPrice.currency().equals(sale.price().currency()) || regularPrice.amount() <= 0
        || sale.price().amount() >= regularPrice.amount()) {
      return 0;
    }
    return (regularPrice.amount() - sale.price().amount()) * 100 / regularPrice.amount();
  }
}
