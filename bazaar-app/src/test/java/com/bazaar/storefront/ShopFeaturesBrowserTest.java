package com.bazaar.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import com.bazaar.support.RealEngines;
import com.bazaar.support.TestItems;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13's features through the real pages in headless Chromium: a shopper finds a flash sale
 * from the header, buys on the item page, waits on the "queued…" page (which reloads itself with
 * a meta refresh, the pages run no script) and lands on the order at the flash price; then reads
 * the message about it in the inbox, whose count the header shows, and marks it read.
 */
@RealEngines
class ShopFeaturesBrowserTest extends ApiTest {
  private static HeadlessChromium chromium;
  private static WebDriver browser;

  @Autowired TestItems items;

  @BeforeAll
  static void startBrowser() throws java.io.IOException {
    chromium = HeadlessChromium.start();
    browser = chromium.browser();
  }

  @AfterAll
  static void quitBrowser() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void logOut() {
    browser.get(url("/login"));
    browser.manage().deleteAllCookies();
  }

  @Test
  void aShopperBuysInAFlashSaleThroughThePagesAndReadsAboutItInTheInbox() {
    WebDriverWait wait = PageWait.on(browser);
    long itemId = items.create("浏览器秒杀 flash " + System.nanoTime(), 19_900, 10);
    String saleId = admin().post("/api/admin/flash-sales", ApiClient.json(Map.of(
        "itemId", String.valueOf(itemId),
        "price", Map.of("amount", 9_900, "currency", "CNY"),
        "stock", 3,
        "startsAt", Instant.now().minusSeconds(60).toString(),
        "endsAt", Instant.now().plusSeconds(1800).toString(),
        "limitPerUser", 1))).json().get("id").asString();
    signUp(wait);

    // The sale list, from the header.
    browser.findElement(By.id("flash-sales-link")).click();
    wait.until(ExpectedConditions.urlMatches("/flash-sales$"));
    String card = "//li[@data-sale-id='" + saleId + "']";
    assertThat(browser.findElement(By.xpath(card)).getText()).contains("¥99.00", "ends in");
    browser.findElement(By.xpath(card + "//a[@data-test='flash-sale-link']")).click();

    // The item page during the sale, then buy: ticket, "queued…", order.
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash-sale")));
    assertThat(browser.findElement(By.id("flash-price")).getText()).isEqualTo("¥99.00");
    assertThat(browser.findElement(By.id("flash-remaining")).getText()).contains("3 / 3");
    browser.findElement(By.id("flash-buy")).click();
    wait.until(ExpectedConditions.urlMatches("/orders/[0-9]+$"));
    assertThat(browser.findElement(By.id("order-status")).getDomAttribute("data-status")).isEqualTo("PENDING_PAYMENT");
    assertThat(browser.findElement(By.id("order-total")).getText()).isEqualTo("¥99.00");
    assertThat(browser.findElement(By.id("flash-notice")).getText()).contains("flash-sale order is placed");
    String orderId = browser.findElement(By.id("order-id")).getText();

    // The message about the order arrives a moment later: the header counts it.
    wait.until(driver -> {
      driver.get(url("/"));
      return !driver.findElements(By.id("unread-count")).isEmpty();
    });
    assertThat(browser.findElement(By.id("unread-count")).getText()).isEqualTo("1");
    browser.findElement(By.id("inbox-link")).click();
    wait.until(ExpectedConditions.urlMatches("/notifications$"));
    String message = browser.findElement(By.cssSelector("[data-test=notification-message]")).getText();
    assertThat(message).contains(orderId);
    browser.findElement(By.cssSelector("[data-test=mark-read]")).click();
    // The post reloads the inbox: read the mark in the page in one step, so no element handle can
    // belong to the page being replaced (Chromium: stale element, or "node does not belong to the document").
    wait.until(driver -> {
      try {
        return "true".equals(((JavascriptExecutor) driver).executeScript(
            "var n = document.querySelector('[data-test=notification]'); return n ? n.getAttribute('data-read') : null;"));
      } catch (WebDriverException pageBeingReplaced) {
        return false; // the script met the unloading page: read the new one at the next poll
      }
    });
    assertThat(browser.findElements(By.id("unread-count"))).isEmpty();
    browser.findElement(By.cssSelector("[data-test=notification-order]")).click();
    wait.until(ExpectedConditions.textToBe(By.id("order-id"), orderId));
  }

  private void signUp(WebDriverWait wait) {
    String username = "flashbrowser" + System.nanoTime() % 1_000_000_000L;
    browser.get(url("/register"));
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("email")).sendKeys(username + "@example.com");
    browser.findElement(By.id("password")).sendKeys("password-" + username);
    browser.findElement(By.id("register-button")).click();
    wait.until(ExpectedConditions.textToBe(By.id("current-user"), username));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
