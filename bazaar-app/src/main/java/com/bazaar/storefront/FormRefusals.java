package com.bazaar.storefront;

import com.bazaar.platform.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/**
 * A refusal of the domain on a form, kept as its message key and arguments so that the page reads
 * it in its own language: beside the form's field when the form has one, above the form
 * (as "field reason") when none of its fields is to blame.
 */
final class FormRefusals {
  private FormRefusals() {}

  static void reject(BindingResult errors, @Nullable String formField, InvalidInput e) {
    if (formField != null) {
      errors.rejectValue(formField, e.getCodes()[0], e.getArguments(), null);
    } else {
      errors.reject("flash.invalid", new Object[] {e.field(), ShopText.copyOf(e)}, null);
    }
  }
}
