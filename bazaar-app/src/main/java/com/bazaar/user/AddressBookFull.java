package com.bazaar.user;

import com.bazaar.platform.Conflict;

/** The shopper keeps as many addresses as one may: deleting one makes room. Answered with 409. */
public final class AddressBookFull extends Conflict {
  public AddressBookFull(int limit) {
    super("refusal.address.bookFull", limit);
  }
}
