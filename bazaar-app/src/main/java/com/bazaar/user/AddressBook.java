package com.bazaar.user;

import com.bazaar.platform.id.AddressId;
import com.bazaar.platform.id.UserId;
import java.util.List;
import java.util.Optional;

/**
 * The user module's address books: each shopper's delivery addresses, at most {@link #LIMIT},
 * one of them the default once there is any. Every method acts on the shopper's own book only:
 * another shopper's address id is {@link AddressNotFound}. Bad details are refused whole
 * ({@link com.bazaar.platform.InvalidInput}), never stored in part.
 */
public interface AddressBook {
  int LIMIT = 20;

  /** The shopper's addresses, the default first, then newest first. */
  List<Address> addresses(UserId userId);

  Address address(UserId userId, AddressId addressId);

  /** The default address, if the shopper has any address at all. */
  Optional<Address> defaultAddress(UserId userId);

  /** Adds an address; the first one becomes the default whatever {@code makeDefault} says. */
  Address add(UserId userId, AddressDetails details);

  /** Replaces the address's details; {@code makeDefault} makes it the default (false keeps it as it was). */
  Address change(UserId userId, AddressId addressId, AddressDetails details);

  /** Deletes the address; if it was the default, the newest remaining one becomes the default. */
  void remove(UserId userId, AddressId addressId);
}
