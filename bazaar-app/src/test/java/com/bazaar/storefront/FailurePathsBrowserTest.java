package com.bazaar.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.RealEngines;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * The shop's failure paths as a shopper meets them in a real browser: each says what happened
 * and what to do next, in the shop's layout and with the shopper still shown as logged in —
 * never a bare status page or the API's JSON.
 */
@RealEngines
class FailurePathsBrowserTest extends ShopBrowserTest {
  @Autowired SessionRepository<? extends Session> sessions;

  @Test
  void payingWhileThePaymentProviderIsDownKeepsTheOrderAndSaysItCanBePaidLater() {
    String itemId = newItem("断网支付 outage kettle " + System.nanoTime(), 4_900, 5);
    String username = signUp("outage");
    addToCart(itemId);
    checkOut();
    browser.findElement(By.id("place-order")).click();
    waiting().until(ExpectedConditions.attributeToBe(By.id("order-status"), "data-status", "PENDING_PAYMENT"));
    String orderUrl = browser.getCurrentUrl();

    ApiClient admin = admin();
    try {
      admin.put("/api/admin/payment-provider", "{\"available\":false}");
      browser.findElement(By.id("pay-now")).click();

      WebElement message = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("flash-error")));
      assertThat(message.getText()).contains("nothing was charged", "Your order is kept", "pay it here later, before");
      assertThat(browser.getCurrentUrl()).isEqualTo(orderUrl);
      assertThat(browser.findElement(By.id("order-status")).getDomAttribute("data-status")).isEqualTo("PENDING_PAYMENT");
      assertThat(browser.findElements(By.id("pay-now"))).as("the order can still be paid").isNotEmpty();
      assertLoggedInHeader(username);
    } finally {
      admin.put("/api/admin/payment-provider", "{\"available\":true}");
    }

    browser.findElement(By.id("pay-now")).click();
    waiting().until(ExpectedConditions.attributeToBe(By.id("order-status"), "data-status", "PAID"));
  }

  @Test
  void aFormPostedAfterTheSessionEndedLeadsToLoginAndBackToThePage() {
    String itemId = newItem("过期会话 expired session mug " + System.nanoTime(), 1_500, 5);
    String username = signUp("expired");
    browser.get(url("/items/" + itemId));
    sessions.deleteById(sessionId()); // the session times out on the server while the page is open

    browser.findElement(By.id("add-to-cart")).click();

    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("session-expired")));
    assertThat(browser.getCurrentUrl()).contains("/login");
    assertThat(browser.getPageSource()).doesNotContain("X-Requested-With");
    logIn(username, password(username));
    waiting().until(ExpectedConditions.urlMatches("/items/" + itemId + "$"));
    assertLoggedInHeader(username);

    browser.findElement(By.id("add-to-cart")).click();
    waiting().until(ExpectedConditions.urlMatches("/cart$"));
    assertThat(browser.findElement(By.cssSelector("[data-test=cart-line]")).getDomAttribute("data-item-id")).isEqualTo(itemId);
  }

  @Test
  void aFormPostedWithItsCookiesGoneIsAskedToLogInNotAnsweredWithJson() {
    String itemId = newItem("无饼干 cookieless cup " + System.nanoTime(), 1_200, 5);
    String username = signUp("cookieless");
    browser.get(url("/items/" + itemId));
    browser.manage().deleteAllCookies(); // session and CSRF cookies gone: the form's token matches nothing

    browser.findElement(By.id("add-to-cart")).click();

    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-to-continue")));
    assertThat(browser.getPageSource()).doesNotContain("X-Requested-With", "\"status\"");
    logIn(username, password(username));
    waiting().until(ExpectedConditions.urlMatches("/items/" + itemId + "$"));
    assertLoggedInHeader(username);
  }

  @Test
  void aShopperOpeningAnAdminPageIsToldItIsNotAllowedInTheShopsLayout() {
    String username = signUp("notadmin");

    browser.get(url("/admin/items"));

    assertThat(browser.findElement(By.id("error-status")).getText()).isEqualTo("403");
    assertThat(browser.findElement(By.id("error-detail")).getText()).contains("not open to your account");
    assertThat(browser.getPageSource()).doesNotContain("\"detail\"");
    assertLoggedInHeader(username);
  }

  @Test
  void errorPagesShowTheShopperLoggedInWithTheCategoryStrip() {
    String username = signUp("lost");

    for (String path : new String[] {"/no-such-page", "/items/1", "/orders/1"}) {
      browser.get(url(path));
      assertThat(browser.findElement(By.id("error-status")).getText()).as(path).isEqualTo("404");
      assertLoggedInHeader(username);
    }
  }

  @Test
  void sendingAPlacedOrdersFormAgainLeadsToThatOrderNotToAnEmptyCart() {
    String itemId = newItem("重复提交 resubmitted lamp " + System.nanoTime(), 2_500, 5);
    signUp("resubmit");
    addToCart(itemId);
    checkOut();
    WebElement checkout = browser.findElement(By.id("place-order")).findElement(By.xpath("./ancestor::form"));
    String sameForm = checkout.getDomProperty("outerHTML");
    browser.findElement(By.id("place-order")).click();
    waiting().until(ExpectedConditions.attributeToBe(By.id("order-status"), "data-status", "PENDING_PAYMENT"));
    String orderUrl = browser.getCurrentUrl();
    browser.findElement(By.id("pay-now")).click();
    waiting().until(ExpectedConditions.attributeToBe(By.id("order-status"), "data-status", "PAID"));

    // What the back button shows is the cart as it was rendered: the same form, the same key, sent again.
    ((JavascriptExecutor) browser).executeScript(
        "document.body.insertAdjacentHTML('beforeend', arguments[0]); document.body.lastElementChild.submit();",
        sameForm);

    waiting().until(ExpectedConditions.textToBe(By.id("flash-notice"), "You placed this order already."));
    assertThat(browser.getCurrentUrl()).isEqualTo(orderUrl);
    assertThat(browser.findElement(By.id("order-status")).getDomAttribute("data-status")).isEqualTo("PAID");
  }

  private void assertLoggedInHeader(String username) {
    assertThat(browser.findElement(By.id("current-user")).getText()).isEqualTo(username);
    assertThat(browser.findElements(By.cssSelector("[data-test=category-link]"))).as("the category strip").isNotEmpty();
  }

  /** The server-side id of the browser's session: the SESSION cookie holds it in Base64. */
  private String sessionId() {
    String cookie = browser.manage().getCookieNamed("SESSION").getValue();
    return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
  }
}
