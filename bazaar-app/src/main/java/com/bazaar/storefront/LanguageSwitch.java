package com.bazaar.storefront;

import com.bazaar.platform.web.ShopLocaleResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The header's zh / en switch: a plain link (no script, no session), which keeps the choice in
 * a cookie and takes the shopper back to the page they were on. An unknown language clears the
 * choice, so the browser's {@code Accept-Language} decides again.
 */
@Controller
final class LanguageSwitch {
  private final LocaleResolver locales;

  LanguageSwitch(LocaleResolver locales) {
    this.locales = locales;
  }

  @GetMapping("/language")
  RedirectView choose(
      @RequestParam(defaultValue = "") String lang,
      @RequestParam(name = "return", defaultValue = "/") String back,
      HttpServletRequest request,
      HttpServletResponse response) {
    locales.setLocale(request, response, ShopLocaleResolver.supported(Locale.forLanguageTag(lang)).orElse(null));
    RedirectView page = new RedirectView(samePage(back), true);
    page.setExpandUriTemplateVariables(false); // a "{" in a search query is not a template
    page.setHttp10Compatible(false); // 303
    return page;
  }

  /** A path of this shop, never another site (no open redirect). */
  static String samePage(String back) {
    boolean local = back.startsWith("/") && !back.startsWith("//") && back.indexOf('\\') < 0
        && back.chars().noneMatch(Character::isISOControl);
    return local ? back : "/";
  }
}
