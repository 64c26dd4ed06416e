package com.bazaar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One language at a time (README, "Languages"): pages in the shopper's choice (a cookie), else the
 * browser's Accept-Language, else Chinese; the API's human texts in English unless the caller asks
 * for Chinese, with field names and the problem's type unchanged.
 */
class LanguagesTest extends ApiTest {
  private static final Map<String, String> BROWSER = Map.of("Accept", "text/html", "X-Requested-With", "");

  @Test
  void aPageIsChineseByDefaultAndFollowsAcceptLanguage() {
    String chinese = anonymous().send("GET", "/login", null, BROWSER).body();
    assertThat(chinese).contains("lang=\"zh-CN\"", ">用户名<").doesNotContain(">Username<");

    String english = anonymous().send("GET", "/login", null, with("Accept-Language", "en-US,en;q=0.9")).body();
    assertThat(english).contains("lang=\"en\"", ">Username<").doesNotContain(">用户名<");

    String fallback = anonymous().send("GET", "/login", null, with("Accept-Language", "fr-FR,zh-TW;q=0.5")).body();
    assertThat(fallback).contains("lang=\"zh-CN\"", ">用户名<");
  }

  @Test
  void theChosenLanguageBeatsTheBrowsersAndStaysInACookie() {
    Answer chosen = anonymous().send("GET", "/language?lang=zh-CN&return=/login?continue", null, BROWSER);
    assertThat(chosen.status()).isEqualTo(303);
    assertThat(chosen.header("Location")).endsWith("/login?continue");
    assertThat(chosen.header("Set-Cookie")).startsWith("bazaar-lang=zh-CN;").contains("Path=/", "HttpOnly", "SameSite=Lax");

    Map<String, String> headers = Map.of("Accept", "text/html", "X-Requested-With", "",
        "Accept-Language", "en-US", "Cookie", "bazaar-lang=zh-CN");
    assertThat(anonymous().send("GET", "/login", null, headers).body()).contains("lang=\"zh-CN\"", ">用户名<");
  }

  @Test
  void theSwitchGoesBackOnlyToThisShopsPages() {
    for (String elsewhere : new String[] {"https://evil.example/", "//evil.example/", "/\\evil.example", "evil"}) {
      Answer answer = anonymous().send("GET", "/language?lang=en&return=" + encode(elsewhere), null, BROWSER);
      assertThat(answer.status()).isEqualTo(303);
      assertThat(answer.header("Location")).as(elsewhere).matches("(http://localhost:[0-9]+)?/");
    }
  }

  @Test
  void anApiValidationErrorReadsInTheCallersLanguage() {
    String bad = ApiClient.json(Map.of("username", "bad name!", "password", "long-enough-1", "email", "x@example.com"));

    JsonNode english = anonymous().post("/api/users", bad).json();
    assertThat(english.get("type").asString()).isEqualTo("about:blank");
    assertThat(english.get("title").asString()).isEqualTo("Bad Request");
    assertThat(english.get("detail").asString()).isEqualTo("invalid input");
    assertThat(english.get("errors").get(0).get("field").asString()).isEqualTo("username");
    assertThat(english.get("errors").get(0).get("message").asString())
        .isEqualTo("may hold letters, digits, '_', '.' and '-' only");

    Answer answer = anonymous().post("/api/users", bad, Map.of("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5"));
    assertThat(answer.status()).isEqualTo(400);
    JsonNode chinese = answer.json();
    assertThat(chinese.get("type").asString()).isEqualTo("about:blank");
    assertThat(chinese.get("title").asString()).isEqualTo("请求无效");
    assertThat(chinese.get("detail").asString()).isEqualTo("输入无效");
    assertThat(chinese.get("errors").get(0).get("field").asString()).isEqualTo("username");
    assertThat(chinese.get("errors").get(0).get("message").asString()).isEqualTo("只能包含字母、数字、“_”、“.”和“-”");
  }

  @Test
  void aRefusalOfTheDomainReadsInTheCallersLanguage() {
    JsonNode english = anonymous().get("/api/items?page=-1").json();
    assertThat(english.get("errors").get(0).get("field").asString()).isEqualTo("page");
    assertThat(english.get("errors").get(0).get("message").asString()).isEqualTo("must be ≥ 0");
    JsonNode chinese = anonymous().send("GET", "/api/items?page=-1", null, Map.of("Accept-Language", "zh-CN")).json();
    assertThat(chinese.get("errors").get(0).get("field").asString()).isEqualTo("page");
    assertThat(chinese.get("errors").get(0).get("message").asString()).isEqualTo("必须 ≥ 0");

    String alice = ApiClient.json(Map.of("username", "alice", "password", "long-enough-1", "email", "a@example.com"));
    Answer taken = anonymous().post("/api/users", alice);
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.json().get("title").asString()).isEqualTo("Conflict");
    assertThat(taken.json().get("detail").asString())
        .isEqualTo("username is taken, or looks too much like one that is: alice");
    Answer takenInChinese = anonymous().post("/api/users", alice, Map.of("Accept-Language", "zh"));
    assertThat(takenInChinese.status()).isEqualTo(409);
    assertThat(takenInChinese.json().get("type").asString()).isEqualTo("about:blank");
    assertThat(takenInChinese.json().get("title").asString()).isEqualTo("Conflict");
    assertThat(takenInChinese.json().get("detail").asString()).isEqualTo("用户名已被占用，或与已有用户名过于相似：alice");

    assertThat(anonymous().get("/api/items/1").json().get("detail").asString()).isEqualTo("no item with id 1");
    JsonNode unknownInChinese = anonymous().send("GET", "/api/items/1", null, Map.of("Accept-Language", "zh-CN")).json();
    assertThat(unknownInChinese.get("status").asInt()).isEqualTo(404);
    assertThat(unknownInChinese.get("title").asString()).isEqualTo("Not Found");
    assertThat(unknownInChinese.get("detail").asString()).isEqualTo("没有编号为 1 的商品");
  }

  @Test
  void aPageShowsARefusalInThePagesLanguage() {
    Answer chinese = anonymous().send("GET", "/?to=0", null, BROWSER);
    assertThat(chinese.status()).isEqualTo(400);
    assertThat(chinese.body()).contains("to 必须 ≥ 1").doesNotContain("must be");

    Answer english = anonymous().send("GET", "/?to=0", null, with("Cookie", "bazaar-lang=en"));
    assertThat(english.body()).contains("to must be ≥ 1");
  }

  private static Map<String, String> with(String header, String value) {
    return Map.of("Accept", "text/html", "X-Requested-With", "", header, value);
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
