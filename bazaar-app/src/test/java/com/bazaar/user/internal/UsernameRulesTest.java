package com.bazaar.user.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bazaar.platform.InvalidInput;
import org.junit.jupiter.api.Test;

class UsernameRulesTest {

  @Test
  void fullWidthNamesAreStoredInTheirNormalForm() {
    assertThat(UsernameRules.normalize("ａｄｍｉｎ")).isEqualTo("admin");
    assertThat(UsernameRules.key("ＡｄＭｉｎ")).isEqualTo("admin");
  }

  @Test
  void namesThatLookAlikeShareASkeleton() {
    assertThat(UsernameRules.skeleton("adrnin")).isEqualTo(UsernameRules.skeleton("admin"));
    assertThat(UsernameRules.skeleton("хорес")).as("all Cyrillic").isEqualTo(UsernameRules.skeleton("xopec"));
    assertThat(UsernameRules.skeleton("Paypal")).isEqualTo(UsernameRules.skeleton("PayPaI"));
    assertThat(UsernameRules.skeleton("ADMIN")).isEqualTo(UsernameRules.skeleton("adrnin"));
    assertThat(UsernameRules.skeleton("alice")).isNotEqualTo(UsernameRules.skeleton("alicia"));
  }

  @Test
  void aLatinNameWithOneCyrillicLetterIsRefused() {
    assertThatThrownBy(() -> UsernameRules.check("\u0430dmin"))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("refusal.username.mixedScripts");
  }

  @Test
  void chineseJapaneseAndKoreanNamesMayMixWithLatin() {
    for (String name : new String[] {"张小伟", "alice_王", "さくら_tanaka", "김민준", "user.name-1"}) {
      UsernameRules.check(UsernameRules.normalize(name));
    }
  }

  @Test
  void symbolsSpacesAndControlCharactersAreRefused() {
    for (String name : new String[] {"a b c", "ab\u0000c", "ad\u202Emin", "a@b.c", "ab"}) {
      assertThatThrownBy(() -> UsernameRules.check(UsernameRules.normalize(name)))
          .as(name).isInstanceOf(InvalidInput.class);
    }
  }

  @Test
  void theBundledListKnowsThousandsOfCommonPasswords() {
    assertThat(PasswordRules.commonCount()).isGreaterThan(3000);
    assertThat(PasswordRules.isCommon("Password1")).isTrue();
    assertThat(PasswordRules.isCommon("iloveyou")).isTrue();
    assertThat(PasswordRules.isCommon("admin-password")).isFalse();
  }
}
