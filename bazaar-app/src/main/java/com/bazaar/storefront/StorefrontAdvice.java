package com.bazaar.storefront;

import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.Category;
import com.bazaar.notification.Notifications;
import com.bazaar.platform.Conflict;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.NotFound;
import com.bazaar.user.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * What every shop page needs (the shopper, the category nav, the formats) and how the shop
 * shows failures: as its own error page, or — for a conflict after a form post — as a
 * message on the page the form came from.
 */
@ControllerAdvice(basePackageClasses = StorefrontAdvice.class)
final class StorefrontAdvice {
  static final String FLASH_ERROR = "flashError";
  static final String FLASH_NOTICE = "flashNotice";
  private static final ShopFormat FORMAT = new ShopFormat();

  private final Catalog catalog;
  private final Notifications notifications;

  StorefrontAdvice(Catalog catalog, Notifications notifications) {
    this.catalog = catalog;
    this.notifications = notifications;
  }

  @ModelAttribute("currentUser")
  AuthenticatedUser currentUser(@AuthenticationPrincipal AuthenticatedUser user) {
    return user;
  }

  /** The header's unread count, counted only if the header is drawn (see {@link Bell}); none for visitors. */
  @ModelAttribute("bell")
  Bell bell(@AuthenticationPrincipal AuthenticatedUser user) {
    return user == null ? null : new Bell(notifications, user.id());
  }

  @ModelAttribute("fmt")
  ShopFormat format() {
    return FORMAT;
  }

  @ModelAttribute("navCategories")
  List<Category> navCategories() {
    return catalog.categories().stream().filter(c -> c.parentId() == null).toList();
  }

  /** Exception handlers get no model attributes, so error pages add the header's own. */
  private ModelAndView withHeader(ModelAndView page) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof AuthenticatedUser user) {
      page.addObject("currentUser", user);
    }
    try {
      page.addObject("navCategories", navCategories());
    } catch (RuntimeException e) {
      // The error page must render even when the catalog is what failed.
    }
    return page;
  }

  @ExceptionHandler(NotFound.class)
  ModelAndView notFound() {
    return errorPage(HttpStatus.NOT_FOUND, "We could not find that page or item.");
  }

  @ExceptionHandler(InvalidInput.class)
  ModelAndView invalid(InvalidInput e) {
    return errorPage(HttpStatus.BAD_REQUEST, e.field() + " " + e.getMessage());
  }

  @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
  ModelAndView malformed() {
    return errorPage(HttpStatus.BAD_REQUEST, "That address or form is not valid.");
  }

  /** After a form post the shopper goes back where they were and reads why; a GET shows 409. */
  @ExceptionHandler(Conflict.class)
  ModelAndView conflict(Conflict e, HttpServletRequest request) {
    if ("GET".equals(request.getMethod())) {
      return errorPage(HttpStatus.CONFLICT, e.getMessage());
    }
    RequestContextUtils.getOutputFlashMap(request).put(FLASH_ERROR, e.getMessage());
    return new ModelAndView("redirect:" + sameSiteReferer(request));
  }

  private ModelAndView errorPage(HttpStatus status, String detail) {
    ModelAndView page = withHeader(new ModelAndView("error", status));
    page.addObject("status", status.value());
    page.addObject("reason", status.getReasonPhrase());
    page.addObject("detail", detail);
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

  static void flashError(RedirectAttributes redirect, String message) {
    redirect.addFlashAttribute(FLASH_ERROR, message);
  }

  static void flashNotice(RedirectAttributes redirect, String message) {
    redirect.addFlashAttribute(FLASH_NOTICE, message);
  }
}
