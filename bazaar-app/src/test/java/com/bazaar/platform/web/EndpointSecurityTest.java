package com.bazaar.platform.web;

import static com.bazaar.platform.web.AccessRule.Access.ADMIN;
import static com.bazaar.platform.web.AccessRule.Access.ANYONE;
import static com.bazaar.platform.web.AccessRule.Access.SIGNED_IN;
import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.platform.web.AccessRule.Access;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMethodMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * Deny by default (docs/security.md): every endpoint the dispatcher serves — controllers,
 * actuator endpoints, static files — is opened by an explicit rule of its module, to exactly the
 * audience API.md and docs/security.md promise; an endpoint no module opened is refused to
 * everyone, admins included.
 */
@Import(EndpointSecurityTest.UnruledProbe.class)
class EndpointSecurityTest extends ApiTest {
  private static final String PROBE = "GET /api/unruled-probe";

  /** The contract: every endpoint with its audience. A new endpoint needs a line here and a rule in its module. */
  private static final Map<String, Access> CONTRACT =
      Map.ofEntries(
          // catalog, search, sales, flash sales: reading is public
          Map.entry("GET /api/categories", ANYONE),
          Map.entry("GET /api/items", ANYONE),
          Map.entry("GET /api/items/{id}", ANYONE),
          Map.entry("GET /api/items/{itemId}/sales", ANYONE),
          Map.entry("GET /images/{name}", ANYONE),
          Map.entry("GET /images/generated/{name}", ANYONE),
          Map.entry("GET /api/search", ANYONE),
          Map.entry("GET /api/search/suggestions", ANYONE),
          Map.entry("GET /api/flash-sales", ANYONE),
          // accounts and sessions
          Map.entry("POST /api/users", ANYONE),
          Map.entry("POST /api/session", ANYONE),
          Map.entry("GET /api/session", ANYONE),
          Map.entry("DELETE /api/session", ANYONE),
          // a shopper's own things
          Map.entry("GET /api/cart", SIGNED_IN),
          Map.entry("PUT /api/cart/items/{itemId}", SIGNED_IN),
          Map.entry("DELETE /api/cart/items/{itemId}", SIGNED_IN),
          Map.entry("POST /api/orders", SIGNED_IN),
          Map.entry("GET /api/orders", SIGNED_IN),
          Map.entry("GET /api/orders/{orderId}", SIGNED_IN),
          Map.entry("POST /api/orders/{orderId}/pay", SIGNED_IN),
          Map.entry("POST /api/orders/{orderId}/cancel", SIGNED_IN),
          Map.entry("GET /api/addresses", SIGNED_IN),
          Map.entry("POST /api/addresses", SIGNED_IN),
          Map.entry("GET /api/addresses/{addressId}", SIGNED_IN),
          Map.entry("PUT /api/addresses/{addressId}", SIGNED_IN),
          Map.entry("DELETE /api/addresses/{addressId}", SIGNED_IN),
          Map.entry("GET /api/notifications", SIGNED_IN),
          Map.entry("POST /api/notifications/{notificationId}/read", SIGNED_IN),
          Map.entry("GET /api/notifications/unread", SIGNED_IN),
          Map.entry("POST /api/notifications/read-all", SIGNED_IN),
          Map.entry("POST /api/flash-sales/{saleId}/purchase", SIGNED_IN),
          Map.entry("GET /api/flash-sales/{saleId}/purchase/{ticketId}", SIGNED_IN),
          // the admin API
          Map.entry("POST /api/admin/items", ADMIN),
          Map.entry("PUT /api/admin/items/{id}", ADMIN),
          Map.entry("POST /api/admin/items/{id}/stock", ADMIN),
          Map.entry("POST /api/admin/items/{id}/image", ADMIN),
          Map.entry("GET /api/admin/orders", ADMIN),
          Map.entry("POST /api/admin/flash-sales", ADMIN),
          Map.entry("GET /api/admin/payment-provider", ADMIN),
          Map.entry("PUT /api/admin/payment-provider", ADMIN),
          // storefront pages
          Map.entry("GET /", ANYONE),
          Map.entry("GET /categories/{id}", ANYONE),
          Map.entry("GET /search", ANYONE),
          Map.entry("GET /items/{id}", ANYONE),
          Map.entry("GET /login", ANYONE),
          Map.entry("GET /register", ANYONE),
          Map.entry("POST /register", ANYONE),
          Map.entry("GET /language", ANYONE),
          Map.entry("GET /css/**", ANYONE),
          Map.entry("GET /js/**", ANYONE),
          Map.entry("GET /cart", SIGNED_IN),
          Map.entry("POST /cart/items", SIGNED_IN),
          Map.entry("POST /cart/items/{itemId}", SIGNED_IN),
          Map.entry("POST /cart/items/{itemId}/remove", SIGNED_IN),
          Map.entry("GET /checkout", SIGNED_IN),
          Map.entry("POST /checkout", SIGNED_IN),
          Map.entry("GET /addresses", SIGNED_IN),
          Map.entry("POST /addresses", SIGNED_IN),
          Map.entry("POST /addresses/{id}/default", SIGNED_IN),
          Map.entry("POST /addresses/{id}/delete", SIGNED_IN),
          Map.entry("GET /addresses/{id}/edit", SIGNED_IN),
          Map.entry("POST /addresses/{id}", SIGNED_IN),
          Map.entry("GET /orders", SIGNED_IN),
          Map.entry("GET /orders/{id}", SIGNED_IN),
          Map.entry("POST /orders/{id}/pay", SIGNED_IN),
          Map.entry("POST /orders/{id}/cancel", SIGNED_IN),
          Map.entry("GET /admin/items", ADMIN),
          Map.entry("GET /admin/items/new", ADMIN),
          Map.entry("POST /admin/items", ADMIN),
          Map.entry("GET /admin/items/{id}/edit", ADMIN),
          Map.entry("POST /admin/items/{id}", ADMIN),
          Map.entry("POST /admin/items/{id}/stock", ADMIN),
          Map.entry("POST /admin/items/{id}/image", ADMIN),
          Map.entry("GET /admin/operations", ADMIN),
          // issue 13's pages: flash sales, the inbox; the admin dashboard, orders, flash sales, users
          Map.entry("GET /flash-sales", ANYONE),
          Map.entry("POST /flash-sales/{saleId}/buy", SIGNED_IN),
          Map.entry("GET /flash-sales/{saleId}/tickets/{ticketId}", SIGNED_IN),
          Map.entry("GET /notifications", SIGNED_IN),
          Map.entry("POST /notifications/read-all", SIGNED_IN),
          Map.entry("POST /notifications/{id}/read", SIGNED_IN),
          Map.entry("GET /admin", ADMIN),
          Map.entry("GET /admin/orders", ADMIN),
          Map.entry("GET /admin/orders/{id}", ADMIN),
          Map.entry("GET /admin/flash-sales", ADMIN),
          Map.entry("GET /admin/flash-sales/new", ADMIN),
          Map.entry("GET /admin/flash-sales/{id}", ADMIN),
          Map.entry("POST /admin/flash-sales", ADMIN),
          Map.entry("GET /admin/users", ADMIN),
          Map.entry("POST /admin/users/{id}/enabled", ADMIN),
          Map.entry("POST /admin/users/{id}/role", ADMIN),
          // the web edge (the error page, Spring Boot's webjars mapping: none exist) and the actuator
          Map.entry("* /error", ANYONE),
          Map.entry("GET /webjars/**", ANYONE),
          // the API for developers (issue 14): the OpenAPI document and Swagger UI, whose files springdoc
          // also serves from the swagger-ui webjar
          Map.entry("GET /v3/api-docs", ANYONE),
          Map.entry("GET /v3/api-docs.yaml", ANYONE),
          Map.entry("GET /v3/api-docs/swagger-config", ANYONE),
          Map.entry("GET /swagger-ui.html", ANYONE),
          Map.entry("GET /swagger-ui/**", ANYONE),
          Map.entry("GET /swagger-ui/*index.html", ANYONE),
          Map.entry("GET /swagger-ui/*swagger-initializer.js", ANYONE),
          Map.entry("GET /webjars/*swagger-ui/**", ANYONE),
          Map.entry("GET /webjars/*swagger-ui/*index.html", ANYONE),
          Map.entry("GET /webjars/*swagger-ui/*swagger-initializer.js", ANYONE),
          Map.entry("GET /webjars/*swagger-ui/5.32.14/*index.html", ANYONE),
          Map.entry("GET /webjars/*swagger-ui/5.32.14/*swagger-initializer.js", ANYONE),
          Map.entry("GET /actuator/health", ANYONE),
          Map.entry("GET /actuator/health/**", ANYONE),
          Map.entry("GET /actuator/info", ANYONE),
          Map.entry("GET /actuator", ADMIN),
          Map.entry("GET /actuator/prometheus", ADMIN),
          Map.entry("GET /actuator/metrics", ADMIN),
          Map.entry("GET /actuator/metrics/{requiredMetricName}", ADMIN),
          // On the public port; on the loopback metrics port operators set levels (MetricsPort).
          Map.entry("GET /actuator/loggers", ADMIN),
          Map.entry("GET /actuator/loggers/{name}", ADMIN),
          Map.entry("POST /actuator/loggers/{name}", ADMIN));

  @Autowired HttpAccessPolicy policy;
  @Autowired List<HandlerMapping> handlerMappings;

  @Test
  void everyServedEndpointIsOpenedByARuleToExactlyTheAudienceOfTheContract() {
    Map<String, String> audiences = new TreeMap<>();
    Set<String> unruled = new TreeSet<>();
    for (String endpoint : servedEndpoints()) {
      policy.ruleFor(requestFor(endpoint))
          .ifPresentOrElse(rule -> audiences.put(endpoint, rule.access().name()), () -> unruled.add(endpoint));
    }

    assertThat(unruled).as("endpoints no module opens: they are refused to everyone").containsExactly(PROBE);
    Map<String, String> contract = new TreeMap<>();
    CONTRACT.forEach((endpoint, access) -> contract.put(endpoint, access.name()));
    assertThat(audiences).as("endpoint → who may call it").isEqualTo(contract);
  }

  @Test
  void anEndpointNoModuleOpenedIsRefusedToEveryoneEvenAdmins() {
    assertThat(anonymous().get("/api/unruled-probe").status()).isEqualTo(401);
    assertThat(newShopper().get("/api/unruled-probe").status()).isEqualTo(403);
    Answer admin = admin().get("/api/unruled-probe");
    assertThat(admin.status()).isEqualTo(403);
    assertThat(admin.contentType()).startsWith("application/problem+json");
  }

  @Test
  void openingTheReadsOfAPathOpensNoneOfItsWrites() {
    // GET /api/items/{id} is public; a write on the same path answers 405 because none is
    // mapped, and never reaches a handler.
    assertThat(anonymous().delete("/api/items/1").status()).isEqualTo(405);
    assertThat(anonymous().send("HEAD", "/api/items", null, Map.of()).status()).isEqualTo(200);
  }

  @Test
  void anUnknownPageIsTheShopsNotFoundPageAndCreatesNoSession() {
    Answer page = anonymous().send("GET", "/no-such-page", null, Map.of("Accept", "text/html"));

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.headers().getOrDefault("set-cookie", List.of())).noneMatch(cookie -> cookie.startsWith("SESSION"));
  }

  /** "METHOD /pattern" of every handler method and every static resource pattern the dispatcher knows. */
  private List<String> servedEndpoints() {
    List<String> endpoints = new ArrayList<>();
    for (HandlerMapping mapping : handlerMappings) {
      if (mapping instanceof AbstractHandlerMethodMapping<?> methods) {
        for (Object info : methods.getHandlerMethods().keySet()) {
          RequestMappingInfo request = (RequestMappingInfo) info;
          Set<String> verbs = new TreeSet<>();
          request.getMethodsCondition().getMethods().forEach(method -> verbs.add(method.name()));
          if (verbs.isEmpty()) {
            verbs.add("*");
          }
          for (String pattern : request.getPatternValues()) {
            verbs.forEach(verb -> endpoints.add(verb + " " + pattern));
          }
        }
      } else if (mapping instanceof AbstractUrlHandlerMapping urls) {
        urls.getHandlerMap().keySet().forEach(pattern -> endpoints.add("GET " + pattern));
      }
    }
    return endpoints;
  }

  /** A request to one endpoint, with every path variable and wildcard filled in. */
  private static MockHttpServletRequest requestFor(String endpoint) {
    String[] verbAndPattern = endpoint.split(" ", 2);
    String path =
        verbAndPattern[1]
            .replaceAll("\\{\\*[^}]+}", "x")
            .replaceAll("\\{[^}]+}", "1")
            .replace("**", "x")
            .replace("*", "x");
    String method = verbAndPattern[0].equals("*") ? "GET" : verbAndPattern[0];
    return new MockHttpServletRequest(method, path);
  }

  /** An endpoint whose module forgot to open it (nested in a test class: component scans skip it). */
  @RestController
  static class UnruledProbe {
    @GetMapping("/api/unruled-probe")
    String probe() {
      return "should never be answered";
    }
  }
}
