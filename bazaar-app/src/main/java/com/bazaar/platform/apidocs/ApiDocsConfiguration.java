package com.bazaar.platform.apidocs;

import com.bazaar.platform.web.AccessRule;
import com.bazaar.platform.web.AccessRule.Access;
import com.bazaar.platform.web.HttpAccessPolicy;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What springdoc cannot read from the controllers: the auth model, the problem+json error shape
 * every operation may answer, and which module an operation belongs to (its tag). springdoc
 * builds the document at its first request, not at start-up ({@code springdoc.pre-loading-enabled}
 * stays false), so a node that nobody asks for it pays nothing.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {
  static final String SESSION = "session";
  static final String XHR = "xRequestedWith";
  private static final String PROBLEM = "Problem";
  private static final String PROBLEM_JSON = "application/problem+json";

  /** Each module's tag, in the order Swagger UI lists them. */
  private static final Map<String, String> MODULES = modules();

  private static Map<String, String> modules() {
    Map<String, String> modules = new LinkedHashMap<>();
    modules.put("user", "Registration and the login session");
    modules.put("catalog", "Categories and items; the admin's item maintenance");
    modules.put("search", "Full-text search in Chinese and English, suggestions while typing");
    modules.put("cart", "The caller's cart");
    modules.put("order", "The caller's orders and their payment; every buyer's orders for admins");
    modules.put("payment", "The simulated payment provider (admins)");
    modules.put("flashsale", "Flash sales: queued purchases and their tickets");
    modules.put("notification", "The caller's inbox");
    modules.put("sales", "Units sold per item");
    return modules;
  }

  @Bean
  OpenAPI bazaarApi() {
    return new OpenAPI()
        .info(new Info()
            .title("Bazaar API")
            .version("1")
            .description("""
                The shop's JSON API, generated from the code. docs/API.md is the contract in prose \
                (limits, idempotency, paging, errors); this document lists the same operations.

                **Sessions.** `POST /api/session` logs in and sets the `SESSION` cookie; the browser \
                (or your client) sends it back. Operations whose security lists `session` need it and answer \
                401 problem+json without it; admin operations (`/api/admin/**`) answer 403 to other users.

                **Writes.** Every POST, PUT and DELETE under /api must carry \
                `X-Requested-With: XMLHttpRequest` (or a CSRF token), login and registration included: \
                without it the answer is 403. In Swagger UI: *Authorize* → `xRequestedWith` → `XMLHttpRequest`.

                **Errors** are `application/problem+json` (RFC 9457) with `type`, `title`, `status`, \
                `detail`, `traceId` and, for bad input, `errors` naming the fields."""))
        .components(new Components()
            .addSecuritySchemes(SESSION, new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE).name("SESSION")
                .description("The session cookie set by POST /api/session (HttpOnly; your browser keeps it)."))
            .addSecuritySchemes(XHR, new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-Requested-With")
                .description("`XMLHttpRequest`: required on every POST, PUT and DELETE under /api "
                    + "(a header a cross-site form cannot send; it stands in for the CSRF token)."))
            .addSchemas(PROBLEM, problemSchema()))
        .tags(MODULES.entrySet().stream().map(module -> new Tag().name(module.getKey()).description(module.getValue()))
            .toList());
  }

  /** Tags each operation with the module of its controller ({@code com.bazaar.<module>...}). */
  @Bean
  OperationCustomizer moduleTags() {
    return (operation, handler) -> {
      String[] packages = handler.getBeanType().getPackageName().split("\\.");
      if (packages.length > 2 && packages[0].equals("com") && packages[1].equals("bazaar")) {
        operation.setTags(List.of(packages[2]));
      }
      return operation;
    };
  }

  /**
   * Every operation: the problem answers, the writes' header, and the session where the access
   * policy asks for a user. The audience is the filter chain's own rule for that operation
   * ({@link HttpAccessPolicy}), so the document cannot promise an audience the shop does not enforce.
   */
  @Bean
  OpenApiCustomizer problemsAndAuth(HttpAccessPolicy policy) {
    return api -> {
      Optional<HttpServletRequest> asking = askingRequest();
      api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        Optional<Access> audience = asking.flatMap(request ->
            policy.ruleFor(new ProbeRequest(request, method.name(), path)).map(AccessRule::access));
        boolean needsUser = audience.filter(access -> access == Access.SIGNED_IN || access == Access.ADMIN).isPresent();
        addProblems(operation, path, write, needsUser, audience.filter(Access.ADMIN::equals).isPresent());
        SecurityRequirement requirement = new SecurityRequirement();
        if (needsUser) {
          requirement.addList(SESSION);
        }
        if (write) {
          requirement.addList(XHR);
        }
        if (!requirement.isEmpty()) {
          operation.addSecurityItem(requirement);
        }
      }));
    };
  }

  /** The request for the document (springdoc builds it at its first request, not at start-up). */
  private static Optional<HttpServletRequest> askingRequest() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
        ? Optional.of(servlet.getRequest())
        : Optional.empty();
  }

  private static void addProblems(Operation operation, String path, boolean write, boolean needsUser, boolean admin) {
    ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    putIfAbsent(responses, "400", "bad input: `errors` names the fields");
    if (needsUser) {
      putIfAbsent(responses, "401", "not logged in (no `SESSION` cookie, or it expired)");
    }
    if (write || admin) {
      putIfAbsent(responses, "403", (write ? "no `X-Requested-With: XMLHttpRequest` header (or CSRF token)" : "")
          + (write && admin ? "; " : "") + (admin ? "not an admin" : ""));
    }
    if (path.contains("{")) {
      putIfAbsent(responses, "404", "unknown id (also another user's)");
    }
    putIfAbsent(responses, "429", "rate limited: `Retry-After` says when to try again");
    putIfAbsent(responses, "503", "overloaded or a dependency is down: `Retry-After`");
    responses.setDefault(problem("other failures (401 not logged in, 403 not allowed, 409 conflict, 413, 415, …)"));
    operation.setResponses(responses);
  }

  private static void putIfAbsent(ApiResponses responses, String status, String description) {
    if (!responses.containsKey(status)) {
      responses.addApiResponse(status, problem(description));
    }
  }

  private static ApiResponse problem(String description) {
    return new ApiResponse().description(description).content(new Content()
        .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
  }

  @SuppressWarnings("rawtypes")
  private static Schema problemSchema() {
    Schema<?> field = new ObjectSchema()
        .addProperty("field", new StringSchema().example("quantity"))
        .addProperty("message", new StringSchema().example("must be ≥ 1"));
    return new ObjectSchema()
        .description("RFC 9457 problem details")
        .addProperty("type", new StringSchema().example("about:blank"))
        .addProperty("title", new StringSchema().example("Conflict"))
        .addProperty("status", new IntegerSchema().example(409))
        .addProperty("detail", new StringSchema().example("out of stock"))
        .addProperty("instance", new StringSchema())
        .addProperty("traceId", new StringSchema().description("also in the X-Request-Id header and every log line"))
        .addProperty("errors", new ArraySchema().items(field).description("for bad input: one entry per field"));
  }
}
