package com.bazaar.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details, both for exception handlers and for filters that answer
 * before any controller runs (security, body limits). Every problem carries the trace id.
 */
public final class ProblemResponses {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemResponses() {}

  /** The detail is null when a framework problem has none. */
  public static ProblemDetail problem(HttpStatus status, @Nullable String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("about:blank"));
    String traceId = RequestIdFilter.currentRequestId();
    if (traceId != null) {
      problem.setProperty("traceId", traceId);
    }
    return problem;
  }

  /**
   * A problem whose detail is a refusal of the domain, read in the caller's language (English for
   * the API unless the caller asks otherwise: {@link ShopLocaleResolver}); type, title and status
   * stay as they are.
   */
  public static ProblemDetail problem(HttpStatus status, MessageSourceResolvable detail, MessageSource messages) {
    return problem(status, messages.getMessage(detail, LocaleContextHolder.getLocale()));
  }

  public static void write(HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    write(response, problem(status, detail));
  }

  /** Writes the problem as the controllers' answers carry it, its instance included where it has one. */
  public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", String.valueOf(problem.getType()));
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    if (problem.getInstance() != null) {
      body.put("instance", String.valueOf(problem.getInstance()));
    }
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getOutputStream(), body);
  }
}
