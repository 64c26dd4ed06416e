package com.bazaar.user;

import com.bazaar.platform.id.AddressId;

/**
 * One entry of a shopper's address book. Postcode is empty when the shopper gave none; at most
 * one address of a shopper is the default, the one checkout offers first.
 */
public record Address(
    AddressId id, String recipient, String phone, String region, String city, String line, String postcode,
    boolean isDefault) {}
