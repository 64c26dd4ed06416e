package com.bazaar.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.RealEngines;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every page on a phone (360–430 px wide: nothing scrolls sideways, the header stays small,
 * "Add to cart" is on the first screen, the admin's "Log out" is reachable) and the main pages
 * against axe-core's WCAG 2.x A/AA rules, with no serious or critical finding. With
 * {@code -Dbazaar.screens=docs/screens} it also writes the README's screenshots.
 */
@RealEngines
class AnyScreenBrowserTest extends ShopBrowserTest {
  private static final int[] PHONE_WIDTHS = {360, 390, 430};
  private static final int PHONE_HEIGHT = 844;

  @Test
  void everyPageFitsAPhoneWithoutSidewaysScrolling() {
    Map<String, List<String>> pagesByWho = pagesByWho();
    List<String> overflowing = new ArrayList<>();
    for (Map.Entry<String, List<String>> who : pagesByWho.entrySet()) {
      become(who.getKey());
      for (int width : PHONE_WIDTHS) {
        chromium.phone(width, PHONE_HEIGHT);
        for (String path : who.getValue()) {
          browser.get(url(path));
          long overflow = chromium.horizontalOverflow();
          if (overflow > 0) {
            overflowing.add(who.getKey() + " " + path + " at " + width + " px: " + overflow + " px too wide ("
                + chromium.widestElements() + ")");
          }
        }
      }
    }
    assertThat(overflowing).isEmpty();
  }

  @Test
  void onAPhoneTheHeaderIsSmallAddToCartIsOnTheFirstScreenAndTheAdminCanLogOut() {
    String itemId = newItem("手机屏幕 phone screen speaker " + System.nanoTime(), 9_900, 20);
    chromium.phone(390, PHONE_HEIGHT);

    browser.get(url("/items/" + itemId));
    assertThat(rect(By.cssSelector("header.topbar")).get("height")).as("header height").isLessThan(0.25 * PHONE_HEIGHT);
    assertThat(rect(By.id("add-to-cart")).get("bottom")).as("Add to cart above the fold").isLessThan(PHONE_HEIGHT);

    become("admin");
    chromium.phone(390, PHONE_HEIGHT);
    browser.get(url("/admin/items"));
    Map<String, Double> logout = rect(By.id("logout-button"));
    assertThat(logout.get("right")).as("Log out within the screen").isLessThanOrEqualTo(390);
    assertThat(logout.get("left")).isGreaterThanOrEqualTo(0);
    assertThat(rect(By.cssSelector("header.topbar")).get("height")).as("admin header height")
        .isLessThan(0.25 * PHONE_HEIGHT);
  }

  @Test
  void axeCoreRunsInThePagesDespiteTheirContentSecurityPolicy() {
    browser.get(url("/"));
    assertThat(chromium.axeVersion()).startsWith("4.");
  }

  @Test
  void theMainPagesHaveNoSeriousOrCriticalAccessibilityViolationsOnADesktopOrAPhone() {
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, List<String>> who : mainPagesByWho().entrySet()) {
      become(who.getKey());
      for (boolean phone : new boolean[] {false, true}) {
        if (phone) {
          chromium.phone(390, PHONE_HEIGHT);
        } else {
          chromium.desktop();
        }
        for (String path : who.getValue()) {
          browser.get(url(path));
          for (String violation : chromium.seriousAccessibilityViolations()) {
            violations.add(who.getKey() + " " + path + (phone ? " (phone)" : " (desktop)") + ": " + violation);
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  /** The README's screenshots, written only when asked for: {@code -Dbazaar.screens=docs/screens}. */
  @Test
  void screenshotsOfTheMainPages() {
    String target = System.getProperty("bazaar.screens");
    Assumptions.assumeTrue(target != null && !target.isBlank(), "no -Dbazaar.screens directory given");
    Path dir = Path.of(target);
    for (Map.Entry<String, List<String>> who : mainPagesByWho().entrySet()) {
      become(who.getKey());
      for (String path : who.getValue()) {
        String name = screenName(path);
        chromium.desktop();
        browser.get(url(path));
        chromium.screenshot(dir.resolve(name + "-1280.png"));
        chromium.phone(390, PHONE_HEIGHT);
        browser.get(url(path));
        chromium.screenshot(dir.resolve(name + "-390.png"));
      }
    }
  }

  // --- the pages -----------------------------------------------------------------------------

  private static String shopperItem;
  private static String shopperOrder;
  private static String shopperName;

  /** Every page of the shop, by who can see it (anonymous, a shopper with a cart and an order, the admin). */
  private Map<String, List<String>> pagesByWho() {
    prepareShopper();
    String categoryId = anonymous().get("/api/categories").json().get(0).get("id").asString();
    Map<String, List<String>> pages = new LinkedHashMap<>();
    pages.put("anonymous", List.of("/", "/?page=1", "/categories/" + categoryId, "/search?q=" + encode("手机"),
        "/search?q=", "/items/" + shopperItem, "/login", "/login?expired", "/register", "/no-such-page"));
    pages.put("shopper", List.of("/", "/items/" + shopperItem, "/cart", "/orders", "/orders/" + shopperOrder,
        "/admin/items", "/items/1"));
    pages.put("admin", List.of("/admin/items", "/admin/items/new", "/admin/items/" + shopperItem + "/edit",
        "/admin/operations", "/"));
    return pages;
  }

  /** The pages a shopper spends their time on, and the admin's main page. */
  private Map<String, List<String>> mainPagesByWho() {
    prepareShopper();
    Map<String, List<String>> pages = new LinkedHashMap<>();
    pages.put("anonymous", List.of("/", "/search?q=" + encode("手机"), "/items/" + shopperItem, "/login", "/register"));
    pages.put("shopper", List.of("/cart", "/orders", "/orders/" + shopperOrder, "/no-such-page"));
    pages.put("admin", List.of("/admin/items"));
    return pages;
  }

  /** A shopper with one line in the cart and one unpaid order, made through the pages. */
  private void prepareShopper() {
    if (shopperName != null) {
      return;
    }
    shopperItem = newItem("小米 蓝牙音箱 Bluetooth speaker with a rather long name " + System.nanoTime(), 12_900, 50);
    shopperName = signUp("screens");
    addToCart(shopperItem);
    browser.findElement(By.id("place-order")).click();
    waiting().until(ExpectedConditions.textToBe(By.id("order-status"), "PENDING_PAYMENT"));
    shopperOrder = browser.findElement(By.id("order-id")).getText();
    addToCart(shopperItem);
  }

  private void become(String who) {
    chromium.desktop();
    browser.get(url("/login"));
    browser.manage().deleteAllCookies();
    switch (who) {
      case "anonymous" -> { }
      case "shopper" -> {
        browser.get(url("/login"));
        logIn(shopperName, password(shopperName));
        waiting().until(ExpectedConditions.textToBe(By.id("current-user"), shopperName));
      }
      case "admin" -> {
        browser.get(url("/login"));
        logIn("admin", "admin-password");
        waiting().until(ExpectedConditions.textToBe(By.id("current-user"), "admin"));
      }
      default -> throw new IllegalArgumentException(who);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Double> rect(By locator) {
    WebElement element = browser.findElement(locator);
    Map<String, Object> raw = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(
        "const r = arguments[0].getBoundingClientRect();"
            + " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height};", element);
    Map<String, Double> rect = new LinkedHashMap<>();
    raw.forEach((key, value) -> rect.put(key, ((Number) value).doubleValue()));
    return rect;
  }

  /** "home", "search", "item", "cart", "order", "admin-items", ... */
  private static String screenName(String path) {
    String name = path.replaceAll("\\?.*", "")
        .replaceAll("^/items/[0-9]+$", "/item")
        .replaceAll("^/orders/[0-9]+$", "/order")
        .replaceAll("[^a-z]+", "-")
        .replaceAll("^-|-$", "");
    return name.isEmpty() ? "home" : name;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
