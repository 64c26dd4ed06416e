package com.bazaar.platform.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document describes exactly the API that docs/API.md promises: the same operations
 * (method and path), only /api, with the auth model and the problem answers.
 */
class ApiDocsTest extends ApiTest {
  private static final Set<String> HTTP_METHODS = Set.of("get", "head", "post", "put", "patch", "delete");

  @Test
  void theOpenApiDocumentAndApiMdListTheSameOperations() {
    Set<String> documented = ApiMdOperations.read();
    Set<String> served = operations(apiDocs());

    List<String> problems = new ArrayList<>();
    Set<String> notServed = new TreeSet<>(documented);
    notServed.removeAll(served);
    Set<String> notInApiMd = new TreeSet<>(served);
    notInApiMd.removeAll(documented);
    notServed.forEach(op -> problems.add(op + ": in docs/API.md but no controller serves it (OpenAPI document)"));
    notInApiMd.forEach(op -> problems.add(op + ": served (OpenAPI document) but missing from docs/API.md"
        + " (add a table row `| METHOD | /path | … |` or a code span `METHOD /path`)"));
    assertThat(problems).as("operations that docs/API.md and /v3/api-docs disagree on ({} = any path variable)")
        .isEmpty();
    assertThat(documented).as("API.md's parser found the operations").hasSizeGreaterThan(30);
  }

  @Test
  void theDocumentIsOpenApi3JsonOfTheApiOnly() {
    Answer answer = anonymous().get("/v3/api-docs");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).startsWith("application/json");
    JsonNode api = answer.json();

    assertThat(api.get("openapi").asString()).startsWith("3.");
    assertThat(operations(api)).contains("GET /api/items/{}", "POST /api/orders", "POST /api/flash-sales/{}/purchase")
        .allMatch(operation -> operation.split(" ")[1].startsWith("/api/"), "only /api operations");
    JsonNode placeOrder = api.at("/paths/~1api~1orders/post");
    assertThat(placeOrder.at("/tags/0").asString()).isEqualTo("order");
    assertThat(placeOrder.at("/summary").asString()).isNotBlank();
    assertThat(placeOrder.at("/responses/default/content/application~1problem+json/schema/$ref").asString())
        .isEqualTo("#/components/schemas/Problem");
    assertThat(placeOrder.at("/security/0").properties()).extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrder("session", "xRequestedWith");
    assertThat(placeOrder.at("/responses/401/description").asString()).contains("not logged in");
    assertThat(placeOrder.at("/parameters/0/name").asString()).isEqualTo("Idempotency-Key");
    assertThat(placeOrder.at("/parameters/0/in").asString()).isEqualTo("header");
    assertThat(api.at("/paths/~1api~1items/get/security").isMissingNode()).as("public read: no security").isTrue();
    assertThat(api.at("/paths/~1api~1session/post/security/0").properties()).extracting(Map.Entry::getKey)
        .containsExactly("xRequestedWith");
    JsonNode adminOrders = api.at("/paths/~1api~1admin~1orders/get");
    assertThat(adminOrders.at("/security/0").properties()).extracting(Map.Entry::getKey).containsExactly("session");
    assertThat(adminOrders.at("/responses/403/description").asString()).contains("not an admin");
    assertThat(api.at("/components/securitySchemes/session/name").asString()).isEqualTo("SESSION");
    assertThat(api.at("/components/securitySchemes/xRequestedWith/name").asString()).isEqualTo("X-Requested-With");
  }

  @Test
  void theDocumentAndSwaggerUiAreOpenToVisitorsUnderTheSitesPolicy() {
    Answer ui = anonymous().send("GET", "/swagger-ui/index.html", null, Map.of("Accept", "text/html"));
    assertThat(ui.status()).isEqualTo(200);
    assertThat(ui.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe");
    assertThat(ui.headers().getOrDefault("set-cookie", List.of())).noneMatch(cookie -> cookie.startsWith("SESSION"));
    Answer shopPage = anonymous().send("GET", "/", null, Map.of("Accept", "text/html"));
    assertThat(ui.header("Content-Security-Policy")).isEqualTo(shopPage.header("Content-Security-Policy"));
    assertThat(anonymous().get("/v3/api-docs/swagger-config").status()).isEqualTo(200);
  }

  @Test
  void springdocsYamlLibraryAddsNoYamlAnswersToTheJsonOnlyApi() {
    Answer answer = anonymous().send("GET", "/api/flash-sales", null, Map.of("Accept", "application/yaml"));
    assertThat(answer.status()).isEqualTo(406);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    Answer yaml = anonymous().send("GET", "/v3/api-docs.yaml", null, Map.of("Accept", "*/*"));
    assertThat(yaml.status()).isEqualTo(200);
    assertThat(yaml.body()).startsWith("openapi: 3.");
  }

  private JsonNode apiDocs() {
    Answer answer = anonymous().get("/v3/api-docs");
    assertThat(answer.status()).as("GET /v3/api-docs: %s", answer).isEqualTo(200);
    return answer.json();
  }

  private static Set<String> operations(JsonNode api) {
    Set<String> operations = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
        if (HTTP_METHODS.contains(method.getKey())) {
          operations.add(ApiMdOperations.operation(method.getKey(), path.getKey()));
        }
      }
    }
    return operations;
  }
}
