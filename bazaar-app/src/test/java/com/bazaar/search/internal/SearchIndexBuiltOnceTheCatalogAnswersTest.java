package com.bazaar.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.catalog.Catalog;
import com.bazaar.platform.services.ServiceUnavailable;
import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A node that starts while its catalog does not answer (a web instance started before the catalog
 * service, docs/services.md): it starts anyway, browsing works, search answers a 503 problem in
 * the shopper's language and health says the index is not built, without failing readiness; once
 * the catalog answers, the background rebuild makes search work. The catalog here is the local one
 * behind a switch that makes its full read ({@code forEachItem}, what the rebuild reads) fail as a
 * remote catalog that is down fails.
 */
@TestPropertySource(properties = {
  "bazaar.search.rebuild-retry=100ms",
  "bazaar.search.rebuild-retry-max=300ms",
})
@Import(SearchIndexBuiltOnceTheCatalogAnswersTest.CatalogDownAtStart.class)
@DirtiesContext
class SearchIndexBuiltOnceTheCatalogAnswersTest extends ApiTest {
  @Autowired CatalogDownAtStart catalog;

  @Test
  void aNodeStartedWhileTheCatalogIsDownBrowsesAtOnceAndSearchesOnceTheCatalogAnswers() {
    ApiClient visitor = anonymous();
    assertThat(catalog.refusedReads.get()).as("the start-up rebuild was tried and refused").isPositive();

    Answer english = visitor.send("GET", "/api/search?q=phone", null, Map.of("Accept-Language", "en"));
    assertThat(english.status()).isEqualTo(503);
    assertThat(english.contentType()).startsWith("application/problem+json");
    assertThat(english.header("Retry-After")).isNotBlank();
    assertThat(english.json().get("detail").asString()).contains("search is unavailable");
    Answer chinese = visitor.send("GET", "/api/search?q=phone", null, Map.of("Accept-Language", "zh-CN"));
    assertThat(chinese.status()).isEqualTo(503);
    assertThat(chinese.json().get("detail").asString()).contains("搜索暂时不可用");

    String categoryId = visitor.get("/api/categories").json().get(0).get("id").asString();
    assertThat(visitor.get("/api/items?categoryId=" + categoryId).status()).isEqualTo(200);

    Answer health = visitor.get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asString()).isEqualTo("UP");
    assertThat(health.json().get("components").get("searchIndex").get("status").asString())
        .isIn("BUILDING", "UNAVAILABLE");
    assertThat(visitor.get("/actuator/health/readiness").status()).isEqualTo(200);

    catalog.answers.set(true);

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(visitor.get("/api/search?q=phone").status()).isEqualTo(200));
    assertThat(visitor.get("/actuator/health").json().get("components").get("searchIndex").get("status").asString())
        .isEqualTo("UP");
  }

  /** The real catalog, except that reading all of it is refused as an unreachable service is until {@link #answers} is set. */
  @TestConfiguration
  static class CatalogDownAtStart {
    final AtomicBoolean answers = new AtomicBoolean();
    final AtomicInteger refusedReads = new AtomicInteger();

    @Bean
    @Primary
    Catalog catalogDownAtStart(@Qualifier("catalogService") Catalog real) {
      return (Catalog) Proxy.newProxyInstance(Catalog.class.getClassLoader(), new Class<?>[] {Catalog.class},
          (proxy, method, args) -> {
            if (method.getName().equals("forEachItem") && !answers.get()) {
              refusedReads.incrementAndGet();
              throw new ServiceUnavailable("catalog", Duration.ofSeconds(1));
            }
            try {
              return method.invoke(real, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }
  }
}
