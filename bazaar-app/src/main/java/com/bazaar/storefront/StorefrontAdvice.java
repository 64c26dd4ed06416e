package com.bazaar.storefront;

import com.bazaar.cart.Carts;
import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.Category;
import com.bazaar.notification.Notifications;
import com.bazaar.platform.Conflict;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.NotFound;
import com.bazaar.platform.Unavailable;
import com.bazaar.platform.web.RequestIdFilter;
import com.bazaar.user.AuthenticatedUser;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * What every shop page needs (the shopper, the category nav, the formats) and how the shop
 * shows failures: as its own error page, or — for a conflict after a form post — as a
 * message on the page the form came from.
 *
 * <p>It also serves the container's error page ({@link ErrorController}: unknown paths, 403s,
 * 500s), so that every error page draws the header as the shopper knows it — logged in, with
 * the category strip — instead of as a stranger's.
 */
@ControllerAdvice(basePackageClasses = StorefrontAdvice.class, assignableTypes = ErrorController.class)
final class StorefrontAdvice {
  static final String FLASH_ERROR = "flashError";
  static final String FLASH_NOTICE = "flashNotice";
  private static final ShopFormat FORMAT = new ShopFormat();

  private final Catalog catalog;
  private final Notifications notifications;
  private final Carts carts;
  private final Clock clock;
  private final MessageSource messages;
  private final CategoryNav categoryNav;

  StorefrontAdvice(Catalog catalog, Notifications notifications, Carts carts, Clock clock, MessageSource messages,
      CategoryNav categoryNav) {
    this.categoryNav = categoryNav;
    this.catalog = catalog;
    this.notifications = notifications;
    this.carts = carts;
    this.clock = clock;
    this.messages = messages;
  }

  /** The page being drawn, for the header's language switch to come back to. */
  @ModelAttribute("here")
  String here(HttpServletRequest request) {
    return currentPage(request);
  }

  /**
   * A flash message travels as a {@link ShopText} (see {@link #flashNoticeText}) and is read in the
   * language of the page that shows it.
   */
  @ModelAttribute
  void readFlashes(Model model, Locale locale) {
    for (String name : List.of(FLASH_NOTICE, FLASH_ERROR)) {
      if (model.getAttribute(name) instanceof MessageSourceResolvable text) {
        model.addAttribute(name, messages.getMessage(text, locale));
      }
    }
  }

  @ModelAttribute("currentUser")
  @Nullable AuthenticatedUser currentUser(@AuthenticationPrincipal @Nullable AuthenticatedUser user) {
    return user;
  }

  /** The header's unread count, counted only if the header is drawn (see {@link Bell}); none for visitors. */
  @ModelAttribute("bell")
  @Nullable Bell bell(@AuthenticationPrincipal @Nullable AuthenticatedUser user) {
    return user == null ? null : new Bell(notifications, user.userId());
  }

  /** The header's cart count, counted only if the header is drawn (see {@link CartBadge}); none for visitors. */
  @ModelAttribute("cartBadge")
  @Nullable CartBadge cartBadge(@AuthenticationPrincipal @Nullable AuthenticatedUser user, HttpServletRequest request) {
    return user == null ? null : new CartBadge(carts, user.id(), request, clock);
  }

  @ModelAttribute("fmt")
  ShopFormat format() {
    return FORMAT;
  }

  /** API errors reach the same error endpoint: they draw no header, so they do not ask the catalog. */
  @ModelAttribute("categoryStrip")
  CategoryNav.Strip categoryStrip(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    Object failedPath = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (failedPath != null && failedPath.toString().startsWith("/api/")) {
      return categoryNav.strip(List.of(), locale, request, response);
    }
    return categoryNav.strip(topCategories(), locale, request, response);
  }

  private List<Category> topCategories() {
    try {
      return catalog.categories().stream().filter(c -> c.parentId() == null).toList();
    } catch (RuntimeException e) {
      return List.of(); // an error page must render even when the catalog is what failed
    }
  }

  /** Exception handlers get no model attributes, so error pages add the header's own. */
  private ModelAndView withHeader(ModelAndView page) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof AuthenticatedUser user) {
      page.addObject("currentUser", user);
    }
    ServletRequestAttributes current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
    HttpServletResponse response = current.getResponse();
    if (response != null) {
      page.addObject("categoryStrip", categoryNav.strip(topCategories(), LocaleContextHolder.getLocale(), current.getRequest(), response));
    }
    page.addObject("here", currentPage(request()));
    return page;
  }

  @ExceptionHandler(NotFound.class)
  ModelAndView notFound() {
    return errorPage(HttpStatus.NOT_FOUND, text("error.notFound"));
  }

  @ExceptionHandler(InvalidInput.class)
  ModelAndView invalid(InvalidInput e) {
    return errorPage(HttpStatus.BAD_REQUEST, e.field() + " " + messages.getMessage(e, LocaleContextHolder.getLocale()));
  }

  /** A parameter of the wrong type, or missing; BindException: one of a list page's {@link ListRequest}. */
  @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
      BindException.class})
  ModelAndView malformed() {
    return errorPage(HttpStatus.BAD_REQUEST, text("error.malformed"));
  }

  /**
   * A dependency is resting (search, payments, load shedding): say so and when to come back.
   * Paying has its own message on the order page ({@link OrderPages}).
   */
  @ExceptionHandler(Unavailable.class)
  ModelAndView unavailable(Unavailable e, HttpServletResponse response) {
    long seconds = Math.max(1, e.retryAfter().toSeconds());
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
    return errorPage(HttpStatus.SERVICE_UNAVAILABLE, text("error.unavailable", seconds));
  }

  /** After a form post the shopper goes back where they were and reads why; a GET shows 409. */
  @ExceptionHandler(Conflict.class)
  ModelAndView conflict(Conflict e, HttpServletRequest request) {
    if ("GET".equals(request.getMethod())) {
      return errorPage(HttpStatus.CONFLICT, messages.getMessage(e, LocaleContextHolder.getLocale()));
    }
    RequestContextUtils.getOutputFlashMap(request).put(FLASH_ERROR, ShopText.copyOf(e));
    return new ModelAndView("redirect:" + sameSiteReferer(request));
  }

  private ModelAndView errorPage(HttpStatus status, String detail) {
    ModelAndView page = withHeader(new ModelAndView("error", status));
    page.addObject("status", status.value());
    page.addObject("reason", messages.getMessage("error.status." + status.value(), null, status.getReasonPhrase(), LocaleContextHolder.getLocale()));
    page.addObject("detail", detail);
    page.addObject("traceId", RequestIdFilter.currentRequestId());
    return page;
  }

  /** The path of the page the form was on, never another site (no open redirect). */
  private static String sameSiteReferer(HttpServletRequest request) {
    String referer = request.getHeader("Referer");
    if (referer == null) {
      return "/";
    }
    try {
      URI uri = URI.create(referer);
      boolean sameHost = uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName());
      String path = uri.getRawPath();
      if (!sameHost || path == null || !path.startsWith("/") || path.startsWith("//")) {
        return "/";
      }
      return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    } catch (IllegalArgumentException e) {
      return "/";
    }
  }

  /** A text of the shop in the request's language (messages*.properties). */
  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }

  private static HttpServletRequest request() {
    return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
  }

  /** Path and query of the page asked for; on the container's error dispatch, of the page that failed. */
  private static String currentPage(HttpServletRequest request) {
    Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (failed != null) {
      return failed.toString();
    }
    String query = request.getQueryString();
    return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
  }

  /** A message key with its arguments, read in the language of the page that shows it. */
  static void flashErrorText(RedirectAttributes redirect, String key, @Nullable Object... args) {
    redirect.addFlashAttribute(FLASH_ERROR, ShopText.of(key, args));
  }

  static void flashNoticeText(RedirectAttributes redirect, String key, @Nullable Object... args) {
    redirect.addFlashAttribute(FLASH_NOTICE, ShopText.of(key, args));
  }
}
