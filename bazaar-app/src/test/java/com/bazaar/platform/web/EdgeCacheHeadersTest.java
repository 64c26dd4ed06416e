package com.bazaar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestItems;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the edge (nginx, a CDN, a browser) may keep: anonymous item reads briefly and with an
 * ETag; anything read with a session or credentials never by a shared cache.
 */
class EdgeCacheHeadersTest extends ApiTest {
  @Autowired TestItems items;

  @Test
  void anAnonymousItemReadIsPublicForAFewSecondsWithAnEtag() {
    long id = items.create("edge item", 1999, 5);
    ApiClient.Answer answer = anonymous().get("/api/items/" + id);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Cache-Control")).isEqualTo("public, max-age=5");
    assertThat(answer.header("ETag")).isNotBlank();
  }

  @Test
  void aRevalidationWithTheSameEtagAnswers304WithoutABody() {
    long id = items.create("etag item", 1999, 5);
    String etag = anonymous().get("/api/items/" + id).header("ETag");

    ApiClient.Answer revalidated = anonymous().send("GET", "/api/items/" + id, null, Map.of("If-None-Match", etag));

    assertThat(revalidated.status()).isEqualTo(304);
    assertThat(revalidated.body()).isEmpty();
  }

  /**
   * A refusal is worded in the reader's language (Accept-Language, the language cookie), which a
   * shared cache does not key on: kept, an English 404 was handed to a Chinese reader through nginx.
   */
  @Test
  void anAnonymousItemReadThatIsRefusedIsNeverStored() {
    ApiClient.Answer unknown = anonymous().send("GET", "/api/items/1", null, Map.of("Accept-Language", "zh-CN"));
    ApiClient.Answer malformed = anonymous().get("/api/items/not-a-number");

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Cache-Control")).isEqualTo("no-store");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void aReadWithASessionOrCredentialsIsPrivateAndNeverStored() {
    long id = items.create("private item", 1999, 5);
    assertThat(newShopper().get("/api/items/" + id).header("Cache-Control")).isEqualTo("private, no-store");
    assertThat(anonymous().send("GET", "/api/items/" + id, null, Map.of("Authorization", "Basic eDp5"))
        .header("Cache-Control")).isEqualTo("private, no-store");
  }

  @Test
  void loggedInPagesStayUncacheable() {
    String cacheControl = newShopper().get("/api/cart").header("Cache-Control");
    assertThat(cacheControl).contains("no-store");
  }

  @Test
  void theEmbeddedDefaultReportsNoRedisHealth() {
    ApiClient.Answer health = anonymous().get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("components").has("redis")).isFalse();
  }
}
