package com.bazaar.user;

import org.jspecify.annotations.Nullable;

/**
 * What a shopper types for an address, unchecked: {@link AddressBook} trims, checks and
 * normalizes it (docs/API.md lists the rules). {@code makeDefault} makes it the default address.
 */
public record AddressDetails(
    @Nullable String recipient,
    @Nullable String phone,
    @Nullable String region,
    @Nullable String city,
    @Nullable String line,
    @Nullable String postcode,
    boolean makeDefault) {}
