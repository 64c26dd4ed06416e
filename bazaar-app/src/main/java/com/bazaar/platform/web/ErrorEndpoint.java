package com.bazaar.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error page, reached for failures outside any controller (unknown paths,
 * wrong methods, rejected content types). API paths get problem+json; pages get the shop's
 * error page (drawn with the shopper's header: {@code storefront.StorefrontAdvice} serves this
 * controller too), saying what happened and what to do next. Never a stack trace.
 */
@Controller
final class ErrorEndpoint implements ErrorController {
  private final MessageSource messages;

  ErrorEndpoint(MessageSource messages) {
    this.messages = messages;
  }

  /** A page's view name, or null once a problem+json answer is written. */
  @RequestMapping("/error")
  @Nullable String error(HttpServletRequest request, HttpServletResponse response, Model model)
      throws IOException {
    HttpStatus status = statusOf(request);
    Object forwardedFrom = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = forwardedFrom == null ? request.getRequestURI() : forwardedFrom.toString();
    if (path.startsWith("/api/") || path.startsWith("/actuator/") || !acceptsHtml(request)) {
      ProblemResponses.write(response, status, status.getReasonPhrase());
      return null;
    }
    response.setStatus(status.value());
    model.addAttribute("status", status.value());
    Locale locale = LocaleContextHolder.getLocale();
    model.addAttribute("reason",
        messages.getMessage("error.status." + status.value(), null, status.getReasonPhrase(), locale));
    model.addAttribute("detail", messages.getMessage(detailFor(status, request), null, locale));
    model.addAttribute("traceId", RequestIdFilter.currentRequestId());
    return "error";
  }

  /** The key of what happened and what to do next, in the shopper's words; never the machinery. */
  private static String detailFor(HttpStatus status, HttpServletRequest request) {
    if (status == HttpStatus.FORBIDDEN) {
      return request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException
          ? "error.csrf"
          : "error.forbidden";
    }
    if (status == HttpStatus.NOT_FOUND) {
      return "error.pageNotFound";
    }
    if (status == HttpStatus.CONTENT_TOO_LARGE) {
      return "error.tooLarge";
    }
    if (status == HttpStatus.SERVICE_UNAVAILABLE) {
      return "error.busy";
    }
    if (status.is5xxServerError()) {
      return "error.internal";
    }
    return "error.other";
  }

  /** Asked for directly, not forwarded by the container, {@code /error} is a page that does not exist. */
  private static HttpStatus statusOf(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (code == null && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) == null) {
      return HttpStatus.NOT_FOUND;
    }
    HttpStatus status = code instanceof Integer c ? HttpStatus.resolve(c) : null;
    return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }

  private static boolean acceptsHtml(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("text/html");
  }
}
