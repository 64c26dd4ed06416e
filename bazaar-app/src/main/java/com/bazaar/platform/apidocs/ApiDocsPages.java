package com.bazaar.platform.apidocs;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * Where the API's description and Swagger UI are served, and the Content-Security-Policy
 * they need. The shop's pages run no script, so the site's policy allows none; Swagger UI is a
 * script application, so its pages (and only they) may load scripts from this origin — still
 * no inline script, no eval, nothing from elsewhere.
 */
public final class ApiDocsPages {
  /** The OpenAPI document (JSON, YAML, Swagger UI's config) and Swagger UI's files. */
  static final List<String> PATHS =
      List.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**");

  public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
      + "frame-ancestors 'none'";

  private ApiDocsPages() {}

  /** Whether the request is for Swagger UI's pages and files. */
  public static boolean isSwaggerUi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/swagger-ui.html") || path.startsWith("/swagger-ui/");
  }
}
