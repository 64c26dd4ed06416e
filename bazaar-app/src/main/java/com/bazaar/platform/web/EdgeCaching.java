package com.bazaar.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * What a reverse proxy (nginx, a CDN) and browsers may keep of item reads. Anonymous item
 * reads are the same for everyone: {@code public, max-age=bazaar.edge.item-max-age}, with an
 * ETag so a revalidation costs a 304 instead of a body. A request that carries a session
 * cookie or credentials is someone's: {@code private, no-store}, never kept by a shared cache.
 * A refusal (4xx, 5xx) is not the same for everyone: its problem+json is worded in the reader's
 * language (Accept-Language, the language cookie; {@link ShopLocaleResolver}), which a shared
 * cache does not key on, so it is {@code no-store} (else nginx handed an English 404 to a Chinese
 * reader); a 503 kept for seconds would also outlive the outage it reports.
 */
@Configuration(proxyBeanMethods = false)
class EdgeCaching {
  static final String ITEM_READS = "/api/items/*";

  @Bean
  FilterRegistrationBean<ItemCacheControl> itemCacheControl(
      @Value("${bazaar.edge.item-max-age}") Duration maxAge) {
    FilterRegistrationBean<ItemCacheControl> registration =
        new FilterRegistrationBean<>(new ItemCacheControl(maxAge));
    registration.addUrlPatterns(ITEM_READS);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ShallowEtagHeaderFilter> itemEtags() {
    FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
        new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
    registration.addUrlPatterns(ITEM_READS);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
    return registration;
  }

  /** Set before the chain runs; Spring Security's no-cache default leaves a set header alone. */
  static final class ItemCacheControl extends OncePerRequestFilter {
    private final String publicValue;

    ItemCacheControl(Duration maxAge) {
      this.publicValue = "public, max-age=" + maxAge.toSeconds();
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
        chain.doFilter(request, response);
      } else if (personal(request)) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        chain.doFilter(request, response);
      } else {
        response.setHeader(HttpHeaders.CACHE_CONTROL, publicValue);
        chain.doFilter(request, new RefusalsNotStored(response));
      }
    }

    /** The answer's status decides, as it is set: a refusal is {@code no-store}. */
    private static final class RefusalsNotStored extends HttpServletResponseWrapper {
      RefusalsNotStored(HttpServletResponse response) {
        super(response);
      }

      @Override
      public void setStatus(int status) {
        super.setStatus(status);
        notStoredIfRefused(status);
      }

      @Override
      public void sendError(int status) throws IOException {
        notStoredIfRefused(status);
        super.sendError(status);
      }

      @Override
      public void sendError(int status, String message) throws IOException {
        notStoredIfRefused(status);
        super.sendError(status, message);
      }

      private void notStoredIfRefused(int status) {
        if (status >= 400) {
          setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
      }
    }

    /** Runs before the session filter, so it looks at the cookie itself, as nginx does. */
    private static boolean personal(HttpServletRequest request) {
      if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
        return true;
      }
      Cookie[] cookies = request.getCookies();
      return cookies != null && Arrays.stream(cookies).anyMatch(cookie -> "SESSION".equals(cookie.getName()));
    }
  }
}
