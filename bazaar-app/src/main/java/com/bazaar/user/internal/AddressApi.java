package com.bazaar.user.internal;

import com.bazaar.platform.id.AddressId;
import com.bazaar.user.Address;
import com.bazaar.user.AddressBook;
import com.bazaar.user.AddressDetails;
import com.bazaar.user.AuthenticatedUser;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's address book. Another shopper's address id answers 404, exactly like an unknown one. */
@RestController
@RequestMapping("/api/addresses")
class AddressApi {
  private final AddressBook book;

  AddressApi(AddressBook book) {
    this.book = book;
  }

  @GetMapping
  List<AddressView> addresses(@AuthenticationPrincipal AuthenticatedUser user) {
    return book.addresses(user.userId()).stream().map(AddressView::of).toList();
  }

  @GetMapping("/{addressId}")
  AddressView address(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long addressId) {
    return AddressView.of(book.address(user.userId(), AddressId.of(addressId)));
  }

  @PostMapping
  ResponseEntity<AddressView> add(@AuthenticationPrincipal AuthenticatedUser user, @RequestBody AddressRequest request) {
    Address added = book.add(user.userId(), request.details());
    return ResponseEntity.created(URI.create("/api/addresses/" + added.id().value())).body(AddressView.of(added));
  }

  @PutMapping("/{addressId}")
  AddressView change(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable long addressId,
      @RequestBody AddressRequest request) {
    return AddressView.of(book.change(user.userId(), AddressId.of(addressId), request.details()));
  }

  @DeleteMapping("/{addressId}")
  ResponseEntity<Void> remove(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long addressId) {
    book.remove(user.userId(), AddressId.of(addressId));
    return ResponseEntity.noContent().build();
  }

  record AddressRequest(
      @Nullable String recipient, @Nullable String phone, @Nullable String region, @Nullable String city,
      @Nullable String line, @Nullable String postcode, @JsonProperty("default") @Nullable Boolean makeDefault) {
    AddressDetails details() {
      return new AddressDetails(recipient, phone, region, city, line, postcode, Boolean.TRUE.equals(makeDefault));
    }
  }

  record AddressView(
      String id, String recipient, String phone, String region, String city, String line,
      @Nullable String postcode, @JsonProperty("default") boolean isDefault) {
    static AddressView of(Address a) {
      return new AddressView(String.valueOf(a.id().value()), a.recipient(), a.phone(), a.region(), a.city(), a.line(),
          a.postcode().isEmpty() ? null : a.postcode(), a.isDefault());
    }
  }
}
