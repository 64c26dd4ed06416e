package com.bazaar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API answers JSON (API.md) whatever the Accept header prefers, and 406 problem+json to a client that takes no JSON. */
class JsonOnlyApiTest extends ApiTest {
  /** What Chromium sends when a page is opened: XML is preferred to the catch-all. */
  private static final String BROWSER_ACCEPT =
      "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

  @Test
  void aBrowserOpeningTheApiGetsJsonNotXml() {
    for (String path : new String[] {"/api/flash-sales", "/api/items?size=1", "/api/categories", "/api/notifications"}) {
      Answer answer = newShopper().send("GET", path, null, Map.of("Accept", BROWSER_ACCEPT));
      assertThat(answer.status()).as(path).isEqualTo(200);
      assertThat(answer.contentType()).as(path).startsWith("application/json");
    }
  }

  @Test
  void aClientThatTakesOnlyXmlGetsA406Problem() {
    for (String accept : new String[] {"application/xml", "text/xml"}) {
      Answer answer = anonymous().send("GET", "/api/flash-sales", null, Map.of("Accept", accept));
      assertThat(answer.status()).as(accept).isEqualTo(406);
      assertThat(answer.contentType()).as(accept).startsWith("application/problem+json");
      assertThat(answer.json().get("status").asInt()).isEqualTo(406);
    }
  }
}
