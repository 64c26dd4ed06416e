package com.bazaar.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A dead search index: the API answers 503 at once, the storefront's search page says so
 * without a 500, and category browsing (the database) keeps working.
 */
@TestPropertySource(properties = {
  "bazaar.protection.breaker.window=4",
  "bazaar.protection.breaker.minimum-calls=2",
  "bazaar.protection.breaker.open-for=1s",
})
class SearchIndexOutageTest extends ApiTest {
  @MockitoBean ItemIndex deadIndex;

  @Test
  void aDeadSearchIndexAnswers503WhileCategoryBrowsingWorks() {
    when(deadIndex.search(anyString(), anyInt(), anyInt()))
        .thenThrow(new UncheckedIOException("index gone", new IOException("disk")));
    ApiClient visitor = anonymous();
    for (int attempt = 0; attempt < 3; attempt++) {
      Answer search = visitor.get("/api/search?q=phone");
      assertThat(search.status()).isEqualTo(503);
      assertThat(search.header("Retry-After")).isNotNull();
    }
    String categoryId = visitor.get("/api/categories").json().get(0).get("id").asString();
    assertThat(visitor.get("/api/items?categoryId=" + categoryId).status()).isEqualTo(200);
  }

  @Test
  void theStorefrontSearchGoesThroughTheSameBreakerAndSaysSearchIsResting() {
    when(deadIndex.search(anyString(), anyInt(), anyInt()))
        .thenThrow(new UncheckedIOException("index gone", new IOException("disk")));

    Answer page = anonymous().send("GET", "/search?q=phone", null, Map.of("Accept", "text/html", "Accept-Language", "en"));

    assertThat(page.status()).isEqualTo(503);
    assertThat(page.header("Retry-After")).isNotNull();
    assertThat(page.body()).contains("data-test=\"search-hint\"", "Search is resting");
  }
}
