package com.bazaar.storefront;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Base of the browser tests after the shopper's trip: one headless Chromium per class, logged out before each test. */
abstract class ShopBrowserTest extends ApiTest {
  static HeadlessChromium chromium;
  static WebDriver browser;

  @BeforeAll
  static void startBrowser() throws IOException {
    chromium = HeadlessChromium.start();
    browser = chromium.driver();
  }

  @AfterAll
  static void quitBrowser() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
  }

  /** Each test starts logged out on a desktop screen: the browser is shared, its cookies are not. */
  @BeforeEach
  void logOutOnADesktop() {
    chromium.desktop();
    browser.get(url("/login"));
    browser.manage().deleteAllCookies();
  }

  WebDriverWait waiting() {
    return PageWait.on(browser);
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Signs a new shopper up through the form (which logs them in) and answers the username. */
  String signUp(String prefix) {
    String username = prefix + System.nanoTime() % 1_000_000_000L;
    browser.get(url("/register"));
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("email")).sendKeys(username + "@example.com");
    browser.findElement(By.id("password")).sendKeys(password(username));
    browser.findElement(By.id("register-button")).click();
    waiting().until(ExpectedConditions.textToBe(By.id("current-user"), username));
    return username;
  }

  static String password(String username) {
    return "password-" + username;
  }

  void logIn(String username, String password) {
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("login-button")).click();
  }

  /** A fresh item of the first category, through the admin API; answers its id. */
  String newItem(String title, long priceInFen, int stock) {
    ApiClient admin = admin();
    String categoryId = anonymous().get("/api/categories").json().get(0).get("id").asString();
    return admin.post("/api/admin/items", ApiClient.json(Map.of(
            "title", title, "description", "A thing to buy in a browser test.",
            "price", Map.of("amount", priceInFen, "currency", "CNY"), "stock", stock, "categoryId", categoryId)))
        .json().get("id").asString();
  }

  /** Puts one of the item in the logged-in shopper's cart through its page. */
  void addToCart(String itemId) {
    browser.get(url("/items/" + itemId));
    browser.findElement(By.id("add-to-cart")).click();
    waiting().until(ExpectedConditions.urlMatches("/cart$"));
  }

  /** From the cart to the checkout review, where "Place order" (#place-order) places it. */
  void checkOut() {
    browser.findElement(By.id("checkout")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("checkout-form")));
  }
}
