package com.bazaar.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.RealEngines;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 13's checkout through the real pages: the cart leads to a review, where the shopper adds
 * an address (a refused one comes back filled in, with the reason), picks a payment method and
 * places the order; the order page shows the address, the method, the human status and the
 * deadline, counting down with its script and stated without it; deleting the address from the
 * book leaves the order's copy as it was.
 */
@RealEngines
class CheckoutBrowserTest extends ShopBrowserTest {

  @Test
  void checkoutWithAnAddress() {
    String itemId = newItem("结账 checkout teapot " + System.nanoTime(), 8_800, 5);
    String username = signUp("checkout");
    addToCart(itemId);
    checkOut();
    assertThat(browser.findElement(By.id("no-address")).getText()).contains("No address yet");
    assertThat(browser.findElement(By.id("checkout-total")).getText()).isEqualTo("¥88.00");
    assertThat(browser.findElement(By.id("checkout-lines")).getText()).contains("checkout teapot");

    // A refused address comes back with the reason and what was typed.
    fillAddress("林小姐 Ms Lin", "12345", "浙江省", "杭州市", "西湖区文三路 478 号");
    browser.findElement(By.id("save-address")).click();
    assertThat(waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("flash-error"))).getText())
        .contains("phone");
    assertThat(browser.findElement(By.id("recipient")).getDomProperty("value")).isEqualTo("林小姐 Ms Lin");

    browser.findElement(By.id("phone")).clear();
    browser.findElement(By.id("phone")).sendKeys("139-0571-0000");
    browser.findElement(By.id("save-address")).click();
    waiting().until(ExpectedConditions.textToBe(By.id("flash-notice"), "Address saved."));
    assertThat(browser.getCurrentUrl()).contains("/checkout");
    var choice = browser.findElement(By.cssSelector("[data-test=address-choice] input"));
    assertThat(choice.isSelected()).as("the new address is chosen").isTrue();

    browser.findElement(By.cssSelector("[data-test=method-wechat]")).click();
    browser.findElement(By.id("place-order")).click();
    waiting().until(ExpectedConditions.attributeToBe(By.id("order-status"), "data-status", "PENDING_PAYMENT"));
    String orderUrl = browser.getCurrentUrl();
    String orderId = browser.findElement(By.id("order-id")).getText();
    assertThat(browser.findElement(By.id("order-status")).getText()).isEqualTo("Awaiting payment");
    assertThat(browser.findElement(By.id("delivery-recipient")).getText()).isEqualTo("林小姐 Ms Lin");
    assertThat(browser.findElement(By.id("delivery-where")).getText()).contains("杭州市", "文三路 478 号");
    assertThat(browser.findElement(By.id("payment-method")).getText()).isEqualTo("WeChat Pay");
    assertThat(browser.findElement(By.id("payment-deadline")).getText()).endsWith("(UTC+08:00)");
    // The script ticks the time left as m:ss; the server wrote it in words ("15 min").
    waiting().until(ExpectedConditions.textMatches(By.id("payment-countdown"), java.util.regex.Pattern.compile("1[0-5]:[0-5][0-9]")));

    // Without the script the page still says the deadline and the time left, in the page's language
    // (Chinese when the request names none), and gives the script its words in that language too.
    ApiClient sameShopper = new ApiClient(port).login(username, password(username));
    String html = sameShopper.send("GET", "/orders/" + orderId, null, Map.of("Accept", "text/html")).body();
    assertThat(html).contains("付款期限", "(UTC+08:00)", " 分钟</strong>", "逾期未付款", "data-countdown-over=\"已到期，请刷新页面\"");

    // The address book loses the address; the order keeps its copy.
    browser.get(url("/addresses"));
    browser.findElement(By.cssSelector("[data-test=delete-address]")).click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("no-addresses")));
    browser.get(orderUrl);
    assertThat(browser.findElement(By.id("delivery-recipient")).getText()).isEqualTo("林小姐 Ms Lin");

    browser.findElement(By.id("pay-now")).click();
    waiting().until(ExpectedConditions.attributeToBe(By.id("order-status"), "data-status", "PAID"));
    assertThat(browser.findElement(By.id("order-status")).getText()).isEqualTo("Paid");
    assertThat(browser.findElements(By.id("payment-countdown"))).isEmpty();
  }

  private void fillAddress(String recipient, String phone, String region, String city, String line) {
    browser.findElement(By.id("recipient")).sendKeys(recipient);
    browser.findElement(By.id("phone")).sendKeys(phone);
    browser.findElement(By.id("region")).sendKeys(region);
    browser.findElement(By.id("city")).sendKeys(city);
    browser.findElement(By.id("line")).sendKeys(line);
  }
}
