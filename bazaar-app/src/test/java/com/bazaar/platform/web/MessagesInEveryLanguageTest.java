package com.bazaar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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

  /**
   * A refusal names its key in the code ({@code new InvalidInput("quantity", "refusal.between", 1, 200)});
   * a key missing from the texts would turn the refusal into a 500, so every key named is there.
   */
  @Test
  void everyRefusalTheCodeNamesHasItsText() throws IOException {
    Set<String> named = new TreeSet<>();
    Pattern key = Pattern.compile("\"(refusal\\.[A-Za-z0-9.]+)\"");
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = key.matcher(Files.readString(source));
        while (m.find()) {
          named.add(m.group(1));
        }
      }
    }

    assertThat(named).hasSizeGreaterThan(50);
    assertThat(load("/messages.properties").stringPropertyNames()).containsAll(named);
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
