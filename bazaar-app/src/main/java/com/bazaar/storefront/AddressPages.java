package com.bazaar.storefront;

import com.bazaar.platform.Conflict;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.NotFound;
import com.bazaar.platform.id.AddressId;
import com.bazaar.user.Address;
import com.bazaar.user.AddressBook;
import com.bazaar.user.AddressDetails;
import com.bazaar.user.AuthenticatedUser;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The shopper's address book as pages: the list with "make default" and "delete", and the add
 * form, which the checkout review shows too ({@code returnTo=checkout} goes back there with the
 * new address chosen). A refused form comes back filled in, with the reason.
 */
@Controller
final class AddressPages {
  private final AddressBook addressBook;
  private final MessageSource messages;

  AddressPages(AddressBook addressBook, MessageSource messages) {
    this.addressBook = addressBook;
    this.messages = messages;
  }

  @GetMapping("/addresses")
  String addresses(@AuthenticationPrincipal AuthenticatedUser user, Model model) {
    model.addAttribute("addresses", addressBook.addresses(user.userId()));
    model.addAttribute("addressLimit", AddressBook.LIMIT);
    return "addresses";
  }

  @PostMapping("/addresses")
  String add(
      @AuthenticationPrincipal AuthenticatedUser user,
      @ModelAttribute AddressForm form,
      @RequestParam(required = false) String returnTo,
      RedirectAttributes redirect) {
    boolean toCheckout = "checkout".equals(returnTo);
    try {
      Address added = addressBook.add(user.userId(), form.details());
      StorefrontAdvice.flashNoticeText(redirect, "flash.address.saved");
      return toCheckout ? "redirect:/checkout?addressId=" + added.id().value() : "redirect:/addresses";
    } catch (InvalidInput e) {
      StorefrontAdvice.flashErrorText(redirect, "flash.address.invalid", e.field(), e);
    } catch (Conflict e) {
      StorefrontAdvice.flashErrorText(redirect, "flash.address.failed", e);
    }
    redirect.addFlashAttribute("addressForm", form);
    return toCheckout ? "redirect:/checkout#new-address" : "redirect:/addresses#new-address";
  }

  @GetMapping("/addresses/{id}/edit")
  String edit(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id, Model model) {
    Address a = addressBook.address(user.userId(), AddressId.of(id));
    if (!model.containsAttribute("addressForm")) {
      model.addAttribute("addressForm", new AddressForm(a.recipient(), a.phone(), a.region(), a.city(), a.line(),
          a.postcode(), a.isDefault()));
    }
    model.addAttribute("editAddressId", id);
    return "address-edit";
  }

  /** Saves the edit form; a refused form comes back as the edit page, the reason beside its field. */
  @PostMapping("/addresses/{id}")
  String change(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable long id,
      @ModelAttribute AddressForm form,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    AddressId addressId = AddressId.of(id);
    addressBook.address(user.userId(), addressId);
    try {
      addressBook.change(user.userId(), addressId, form.details());
      StorefrontAdvice.flashNoticeText(redirect, "flash.address.saved");
      return "redirect:/addresses";
    } catch (InvalidInput e) {
      model.addAttribute("addressError", new FieldError(e.field(), messages.getMessage(e, locale)));
    } catch (Conflict e) {
      model.addAttribute("addressError", new FieldError("", messages.getMessage(e, locale)));
    }
    model.addAttribute("addressForm", form);
    model.addAttribute("editAddressId", id);
    return "address-edit";
  }

  @PostMapping("/addresses/{id}/default")
  String makeDefault(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id, RedirectAttributes redirect) {
    try {
      AddressId addressId = AddressId.of(id);
      Address address = addressBook.address(user.userId(), addressId);
      addressBook.change(user.userId(), addressId, new AddressDetails(address.recipient(), address.phone(), address.region(),
          address.city(), address.line(), address.postcode(), true));
      StorefrontAdvice.flashNoticeText(redirect, "flash.address.defaultChanged");
    } catch (NotFound e) {
      StorefrontAdvice.flashErrorText(redirect, "flash.address.gone");
    }
    return "redirect:/addresses";
  }

  @PostMapping("/addresses/{id}/delete")
  String remove(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id, RedirectAttributes redirect) {
    try {
      addressBook.remove(user.userId(), AddressId.of(id));
      StorefrontAdvice.flashNoticeText(redirect, "flash.address.deleted");
    } catch (NotFound e) {
      StorefrontAdvice.flashErrorText(redirect, "flash.address.gone");
    }
    return "redirect:/addresses";
  }

  /** Why the edit form was refused: the field (empty when no one field is to blame) and the reason. */
  record FieldError(String field, String message) {}

  /** The add and edit forms' fields as typed. */
  record AddressForm(String recipient, String phone, String region, String city, String line, String postcode,
      Boolean makeDefault) {
    AddressDetails details() {
      return new AddressDetails(recipient, phone, region, city, line, postcode, Boolean.TRUE.equals(makeDefault));
    }
  }
}
