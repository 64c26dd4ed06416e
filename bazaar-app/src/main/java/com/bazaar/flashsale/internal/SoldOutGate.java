package com.bazaar.flashsale.internal;

import com.bazaar.flashsale.FlashPurchase;
import com.bazaar.platform.id.SaleId;
import com.bazaar.platform.web.ProblemResponses;
import com.bazaar.platform.web.SecurityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers a purchase of a sale this node has just seen sold out at the door, before the session,
 * security and MVC run: most of a storm's answers are "sold out" (docs/flash-sales.md, "Sold out
 * at the door"), and each costs then about as much as a cached item read. The answer is the one
 * {@link FlashSaleApi} gives — 409, the same problem in the caller's language, the same security
 * headers — for anyone, logged in or not: a sale's stock is no secret (every page shows it), and
 * nothing is taken or recorded. Every other purchase goes on to the counter.
 *
 * <p>A plain filter, not a {@code OncePerRequestFilter}: it sees every request of the shop, and only
 * a purchase matters to it, so it adds no per-request attribute bookkeeping (Spring Boot registers
 * it for the request dispatch only; an error dispatch is never a purchase).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4) // inside the trace id and whole-response filters, before the session's
final class SoldOutGate extends HttpFilter {
  static final String PATH_PATTERN = "/api/flash-sales/{saleId}/purchase";
  private static final String PREFIX = "/api/flash-sales/";
  private static final String SUFFIX = "/purchase";

  private final SoldOutSales soldOut;
  private final MessageSource messages;
  private final LocaleResolver locales;
  private final FlashMeters meters;

  SoldOutGate(SoldOutSales soldOut, MessageSource messages, LocaleResolver locales, FlashMeters meters) {
    this.soldOut = soldOut;
    this.messages = messages;
    this.locales = locales;
    this.meters = meters;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long saleId = "POST".equals(request.getMethod()) ? saleOf(request.getRequestURI()) : -1;
    if (saleId <= 0 || !soldOut.knownSoldOut(saleId)) {
      chain.doFilter(request, response);
      return;
    }
    meters.soldOutAtTheDoor();
    // the request metrics name the route as the controller's answers do, not "UNKNOWN"
    ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(PATH_PATTERN));
    Locale locale = locales.resolveLocale(request);
    ProblemDetail problem = ProblemResponses.problem(HttpStatus.CONFLICT,
        messages.getMessage(FlashPurchase.soldOut(SaleId.of(saleId)), locale));
    problem.setInstance(URI.create(request.getRequestURI()));
    SecurityHeaders.write(request, response);
    ProblemResponses.write(response, problem);
  }

  /** The sale of {@code /api/flash-sales/{saleId}/purchase}, or -1 for any other path. */
  static long saleOf(String path) {
    if (!path.startsWith(PREFIX) || !path.endsWith(SUFFIX)) {
      return -1;
    }
    int end = path.length() - SUFFIX.length();
    if (end - PREFIX.length() < 1 || end - PREFIX.length() > 19) {
      return -1;
    }
    long id = 0;
    for (int i = PREFIX.length(); i < end; i++) {
      char c = path.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      id = id * 10 + (c - '0');
      if (id < 0) {
        return -1; // past Long.MAX_VALUE
      }
    }
    return id;
  }
}
