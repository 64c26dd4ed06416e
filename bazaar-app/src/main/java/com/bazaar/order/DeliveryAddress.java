package com.bazaar.order;

import com.bazaar.user.Address;

/**
 * The address an order ships to, copied from the shopper's address book when the order was
 * placed: editing or deleting that address later leaves the order as it was. Postcode is empty
 * when none was given.
 */
public record DeliveryAddress(String recipient, String phone, String region, String city, String line, String postcode) {

  public static DeliveryAddress copyOf(Address address) {
    return new DeliveryAddress(address.recipient(), address.phone(), address.region(), address.city(), address.line(),
        address.postcode());
  }
}
