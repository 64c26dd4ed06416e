package com.bazaar.user.internal;

import com.bazaar.platform.data.DataLayout;
import com.bazaar.platform.data.DomainDatabase;
import com.bazaar.platform.id.AddressId;
import com.bazaar.platform.id.IdGenerator;
import com.bazaar.platform.id.UserId;
import com.bazaar.platform.time.UtcColumns;
import com.bazaar.user.Address;
import com.bazaar.user.AddressBook;
import com.bazaar.user.AddressBookFull;
import com.bazaar.user.AddressDetails;
import com.bazaar.user.AddressNotFound;
import com.bazaar.user.UserNotFound;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The address books ({@link AddressBook}). Details are checked before any write; each write runs
 * in one transaction of the user database holding the owner's row, so the limit and the single
 * default hold even when two tabs save at once.
 */
@Service
class AddressBookDesk implements AddressBook {
  private final Addresses addresses;
  private final DomainDatabase database;
  private final IdGenerator ids;
  private final Clock clock;

  AddressBookDesk(Addresses addresses, DataLayout layout, IdGenerator ids, Clock clock) {
    this.addresses = addresses;
    this.database = layout.of("user");
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public List<Address> addresses(UserId userId) {
    return addresses.of(userId.value());
  }

  @Override
  public Address address(UserId userId, AddressId addressId) {
    return addresses.find(userId.value(), addressId.value()).orElseThrow(() -> new AddressNotFound(addressId));
  }

  @Override
  public Optional<Address> defaultAddress(UserId userId) {
    return addresses.defaultOf(userId.value());
  }

  @Override
  public Address add(UserId user, AddressDetails details) {
    long userId = user.value();
    AddressRules.Checked checked = AddressRules.check(details);
    return database.inTransaction(() -> {
      lockOwner(userId);
      int count = addresses.count(userId);
      if (count >= LIMIT) {
        throw new AddressBookFull(LIMIT);
      }
      long id = ids.nextId();
      addresses.insert(userId, id, checked, false, UtcColumns.now(clock));
      if (count == 0 || details.makeDefault()) {
        addresses.makeDefault(userId, id);
      }
      return address(user, AddressId.of(id));
    });
  }

  @Override
  public Address change(UserId user, AddressId addressId, AddressDetails details) {
    long userId = user.value();
    AddressRules.Checked checked = AddressRules.check(details);
    return database.inTransaction(() -> {
      lockOwner(userId);
      address(user, addressId);
      addresses.update(userId, addressId.value(), checked);
      if (details.makeDefault()) {
        addresses.makeDefault(userId, addressId.value());
      }
      return address(user, addressId);
    });
  }

  @Override
  public void remove(UserId user, AddressId addressId) {
    long userId = user.value();
    database.inTransaction(() -> {
      lockOwner(userId);
      Address gone = address(user, addressId);
      addresses.delete(userId, addressId.value());
      if (gone.isDefault()) {
        addresses.newest(userId).ifPresent(id -> addresses.makeDefault(userId, id));
      }
      return gone;
    });
  }

  private void lockOwner(long userId) {
    if (!addresses.lockOwner(userId)) {
      throw new UserNotFound(userId);
    }
  }
}
