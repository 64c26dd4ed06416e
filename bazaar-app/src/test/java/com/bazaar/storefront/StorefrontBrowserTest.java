package com.bazaar.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.RealEngines;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A shopper's whole trip through the real pages in headless Chromium: sign up, search, open
 * an item, add it to the cart, place the order and pay for it. The browser is the shared
 * {@link HeadlessChromium} of {@link ShopBrowserTest} (the machine's Chromium, never a downloaded one).
 */
@RealEngines
class StorefrontBrowserTest extends ShopBrowserTest {

  @Test
  void anAdminLogsInThroughTheFormAndAddsAnItemWithAnExactPrice() {
    WebDriverWait wait = PageWait.on(browser);
    browser.get(url("/login"));
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys("admin-password");
    browser.findElement(By.id("login-button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("admin-link"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("admin-nav-items"))).click(); // the link opens the dashboard

    wait.until(ExpectedConditions.elementToBeClickable(By.id("new-item"))).click();
    String title = "浏览器测试 蓝牙耳机 " + System.nanoTime();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("title"))).sendKeys(title);
    browser.findElement(By.id("description")).sendKeys("Wireless earphones");
    browser.findElement(By.id("price")).sendKeys("19.999");
    browser.findElement(By.id("stock")).clear();
    browser.findElement(By.id("stock")).sendKeys("7");
    new Select(browser.findElement(By.id("categoryId"))).selectByIndex(1);
    browser.findElement(By.id("save-item")).click();
    WebElement priceError =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=price-error]")));
    assertThat(priceError.getText()).contains("2 decimals");

    WebElement price = browser.findElement(By.id("price"));
    price.clear();
    price.sendKeys("19.99");
    browser.findElement(By.id("save-item")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash-notice")));
    WebElement row =
        browser.findElement(By.xpath("//tr[@data-test='admin-item'][.//a[normalize-space()='" + title + "']]"));
    assertThat(row.getText()).contains("¥19.99", "7");
  }

  @Test
  void aNewShopperFindsAnItemBuysItAndPays() {
    String username = "browser" + System.nanoTime() % 1_000_000_000L;
    WebDriverWait wait = PageWait.on(browser);

    // Sign up: the shop logs the new shopper straight in.
    browser.get(url("/register"));
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("email")).sendKeys(username + "@example.com");
    browser.findElement(By.id("password")).sendKeys("password-" + username);
    browser.findElement(By.id("register-button")).click();
    wait.until(ExpectedConditions.textToBe(By.id("current-user"), username));

    // Search for a word from the title of an item in stock on the home page.
    String query = searchWordOfAnItemInStock(wait);
    WebElement searchBox = browser.findElement(By.id("search-input"));
    searchBox.clear();
    searchBox.sendKeys(query);
    browser.findElement(By.id("search-button")).click();
    wait.until(ExpectedConditions.urlContains("/search"));
    WebElement result =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//li[@data-test='item-card'][.//span[contains(@class,'stock') and not(contains(@class,'soldout'))]]//a")));
    result.click();

    // Open the item and add one to the cart.
    WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("item-title")));
    String itemTitle = title.getText();
    WebElement quantity = browser.findElement(By.id("quantity"));
    quantity.clear();
    quantity.sendKeys("1");
    browser.findElement(By.id("add-to-cart")).click();

    wait.until(ExpectedConditions.urlMatches("/cart$"));
    WebElement line = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=cart-line]")));
    assertThat(line.getText()).contains(itemTitle);

    // Check out from the cart, place the order on the review page, then pay for it.
    checkOut();
    browser.findElement(By.id("place-order")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("order-status"), "data-status", "PENDING_PAYMENT"));
    assertThat(browser.findElement(By.id("order-lines")).getText()).contains(itemTitle);
    assertThat(browser.findElement(By.id("payment-deadline")).getText()).endsWith("(UTC+08:00)");

    browser.findElement(By.id("pay-now")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("order-status"), "data-status", "PAID"));
    assertThat(browser.findElement(By.id("flash-notice")).getText()).isEqualTo("Payment received.");
    assertThat(browser.findElements(By.id("pay-now"))).isEmpty();
  }

  /** A word (letters or digits only) of the title of the first item in stock on the home page. */
  private String searchWordOfAnItemInStock(WebDriverWait wait) {
    browser.get(url("/"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=item-card]")));
    List<WebElement> cards = browser.findElements(By.cssSelector("[data-test=item-card]"));
    return cards.stream()
        .filter(card -> card.findElements(By.cssSelector(".soldout")).isEmpty())
        .map(card -> card.findElement(By.cssSelector("[data-test=item-title]")).getText())
        .flatMap(text -> Stream.of(text.split("\\s+")))
        .filter(word -> word.matches("[\\p{L}\\p{N}]{2,}"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no item in stock with a plain word in its title on the home page"));
  }
}
