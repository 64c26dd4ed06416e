package com.bazaar.storefront;

import com.bazaar.catalog.Category;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The header's strip of top categories, rendered once per language and highlighted category and
 * kept: it is the same for every shopper, and drawing its links on every page was a quarter of a
 * category page's CPU (docs/benchmarks.md, "Fast paths"). The categories themselves are part of the
 * key, so a changed list is drawn anew and nothing needs dropping.
 */
@Component
final class CategoryNav {
  private final ITemplateEngine templates;
  private final Cache<Key, String> strips = Caffeine.newBuilder().maximumSize(500).build();

  CategoryNav(ITemplateEngine templates) {
    this.templates = templates;
  }

  /** The strip for one page: what a page's template inserts as it is (the fragment escapes its text). */
  Strip strip(List<Category> categories, Locale locale, HttpServletRequest request, HttpServletResponse response) {
    return new Strip(this, categories, locale, request, response);
  }

  private String html(Strip strip, @Nullable Category active) {
    Key key = new Key(strip.categories, strip.locale.toLanguageTag(), active == null ? null : active.id().value());
    return strips.get(key, k -> {
      var exchange = JakartaServletWebApplication.buildApplication(strip.request.getServletContext())
          .buildExchange(strip.request, strip.response);
      Map<String, Object> variables = new HashMap<>();
      variables.put("categories", strip.categories);
      variables.put("active", active);
      return templates.process("layout", Set.of("catnav"), new WebContext(exchange, strip.locale, variables));
    });
  }

  private record Key(List<Category> categories, String language, @Nullable Long active) {}

  /**
   * The categories of one page's header; drawn when the page's template asks, with the page's
   * category lit. The template sees only {@link #isEmpty} and {@link #html}, not the request.
   */
  static final class Strip {
    private final CategoryNav nav;
    private final List<Category> categories;
    private final Locale locale;
    private final HttpServletRequest request;
    private final HttpServletResponse response;

    private Strip(CategoryNav nav, List<Category> categories, Locale locale, HttpServletRequest request,
        HttpServletResponse response) {
      this.nav = nav;
      this.categories = categories;
      this.locale = locale;
      this.request = request;
      this.response = response;
    }

    public boolean isEmpty() {
      return categories.isEmpty();
    }

    public String html(@Nullable Category active) {
      return nav.html(this, active);
    }
  }
}
