package com.bazaar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text of the shop exists in each of its languages (README, "Languages"). */
class MessagesInEveryLanguageTest {

  @Test
  void chineseAndEnglishHaveTheSameKeys() throws IOException {
    Properties english = load("/messages.properties");
    Properties chinese = load("/messages_zh_CN.properties");

    assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    assertThat(chinese.values()).allSatisfy(text -> assertThat(text.toString()).isNotBlank());
  }

  private static Properties load(String path) throws IOException {
    Properties texts = new Properties();
    try (InputStream in = MessagesInEveryLanguageTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return texts;
  }
}
