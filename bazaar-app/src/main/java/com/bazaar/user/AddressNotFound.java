package com.bazaar.user;

import com.bazaar.platform.NotFound;
import com.bazaar.platform.id.AddressId;

/** No address with this id in the caller's address book (another shopper's is not found either). */
public final class AddressNotFound extends NotFound {
  public AddressNotFound(AddressId addressId) {
    super("refusal.notFound.address", addressId.value());
  }
}
