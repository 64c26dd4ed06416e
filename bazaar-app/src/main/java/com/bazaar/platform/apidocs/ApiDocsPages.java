package com.bazaar.platform.apidocs;

import java.util.List;

/**
 * Where the API's description and Swagger UI are served. Swagger UI runs under the site's
 * Content-Security-Policy: scripts from this origin only, no inline script, no eval.
 */
public final class ApiDocsPages {
  /** The OpenAPI document (JSON, YAML, Swagger UI's config) and Swagger UI's files. */
  static final List<String> PATHS =
      List.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**");

  private ApiDocsPages() {}
}
