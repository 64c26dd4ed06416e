package com.bazaar.storefront;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A text of the shop not yet in any language: a key of messages*.properties and its arguments,
 * read in the language of the page that shows it (README, "Languages"). Arguments travel as text
 * (a flash message crosses the session, and an id must not read "1,234"); an argument that is
 * itself a text is read in the same language.
 */
final class ShopText {
  private ShopText() {}

  static MessageSourceResolvable of(String key, @Nullable Object... args) {
    Object[] texts = Arrays.stream(args).map(a -> a instanceof MessageSourceResolvable text ? copyOf(text) : String.valueOf(a)).toArray();
    return new DefaultMessageSourceResolvable(new String[] {key}, texts);
  }

  /**
   * A text as a plain value: a refusal of the domain (an exception, a flash sale's answer) becomes
   * its key and arguments only, fit to cross the session in a flash message.
   */
  static MessageSourceResolvable copyOf(MessageSourceResolvable text) {
    return new DefaultMessageSourceResolvable(text.getCodes(), text.getArguments(), text.getDefaultMessage());
  }
}
