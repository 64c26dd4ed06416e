package com.bazaar.platform;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * An amount of money in minor units (fen, cents) of one currency. Never a double: every
 * operation is exact and fails loudly on overflow instead of wrapping.
 */
public record Money(long amount, String currency) {

  public Money {
    Objects.requireNonNull(currency, "currency");
    if (currency.length() != 3) {
      throw new IllegalArgumentException("currency must be an ISO 4217 code: " + currency);
    }
  }

  public static Money of(long amount, String currency) {
    return new Money(amount, currency);
  }

  public static Money zero(String currency) {
    return new Money(0, currency);
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(amount, other.amount), currency);
  }

  public Money times(long quantity) {
    return new Money(Math.multiplyExact(amount, quantity), currency);
  }

  @JsonIgnore // a derived fact, not part of API.md's money shape
  public boolean isNegative() {
    return amount < 0;
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
    }
  }
}
