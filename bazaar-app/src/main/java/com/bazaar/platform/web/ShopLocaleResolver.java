package com.bazaar.platform.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The shop's language for one request, zh-CN or en (README, "Languages"): the shopper's choice
 * in the {@value #COOKIE} cookie first, then the browser's {@code Accept-Language}, else Chinese
 * for pages and English for the JSON API (whose texts API.md clients have always read in English).
 *
 * <p>A cookie rather than the session: an anonymous shopper's pages must not create a session
 * (docs/benchmarks.md, "Fast paths"). Adding a language is a {@code messages_xx.properties} file
 * and one entry in {@link #SUPPORTED}.
 */
@Component(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
public final class ShopLocaleResolver implements LocaleResolver {
  public static final String COOKIE = "bazaar-lang";
  public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
  /** The first is the shop's default. */
  public static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);

  private static final Duration COOKIE_AGE = Duration.ofDays(365);

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    return chosen(request)
        .or(() -> browsers(request))
        .orElse(request.getRequestURI().startsWith("/api/") ? Locale.ENGLISH : CHINESE);
  }

  @Override
  public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
    if (response == null) {
      return;
    }
    Optional<Locale> supported = Optional.ofNullable(locale).flatMap(ShopLocaleResolver::supported);
    ResponseCookie cookie = ResponseCookie.from(COOKIE, supported.map(Locale::toLanguageTag).orElse(""))
        .path("/")
        .maxAge(supported.isPresent() ? COOKIE_AGE : Duration.ZERO)
        .sameSite("Lax")
        .httpOnly(true)
        .secure(request.isSecure())
        .build();
    response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
  }

  /** One of the shop's languages for any tag ("zh", "zh-TW", "en-US" …), if it has one. */
  public static Optional<Locale> supported(Locale wanted) {
    return SUPPORTED.stream().filter(l -> l.getLanguage().equals(wanted.getLanguage())).findFirst();
  }

  private static Optional<Locale> chosen(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
        return supported(Locale.forLanguageTag(cookie.getValue()));
      }
    }
    return Optional.empty();
  }

  /** The browser's languages in its order of preference; the container has parsed the q-values. */
  private static Optional<Locale> browsers(HttpServletRequest request) {
    if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
      return Optional.empty();
    }
    for (Locale wanted : Collections.list(request.getLocales())) {
      Optional<Locale> supported = supported(wanted);
      if (supported.isPresent()) {
        return supported;
      }
    }
    return Optional.empty();
  }
}
