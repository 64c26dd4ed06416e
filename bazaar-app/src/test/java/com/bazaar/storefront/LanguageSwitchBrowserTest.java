package com.bazaar.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.RealEngines;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The header's zh / en switch in a real browser (issue 14). Headless Chromium asks for en-US, so
 * without a choice the shop answers in English; the switch changes the language of the page the
 * shopper is on, keeps them there, and the choice outlives the page.
 */
@RealEngines
class LanguageSwitchBrowserTest extends ShopBrowserTest {
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{3,}");

  @Test
  void theShopperChoosesChineseOrEnglishAndStaysOnThePage() {
    browser.get(url("/register"));
    assertThat(language()).as("Accept-Language en-US, no choice yet").isEqualTo("en");
    assertEnglish();

    browser.findElement(By.id("language-switch")).click();
    waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "zh-CN"));
    assertThat(browser.getCurrentUrl()).endsWith("/register");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("注册账户");
    assertThat(browser.findElement(By.id("cart-link")).getText()).isEqualTo("🛒 购物车");
    assertThat(labels()).doesNotContainPattern(LATIN_WORD);

    browser.get(url("/login"));
    assertThat(language()).as("the choice outlives the page").isEqualTo("zh-CN");
    assertThat(browser.findElement(By.id("login-button")).getText()).isEqualTo("登录");

    browser.findElement(By.id("language-switch")).click();
    waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    assertThat(browser.manage().getCookieNamed("bazaar-lang").getValue()).isEqualTo("en");
    assertEnglish();
  }

  private void assertEnglish() {
    assertThat(browser.findElement(By.id("cart-link")).getText()).isEqualTo("🛒 Cart");
    assertThat(browser.findElement(By.id("language-switch")).getText()).isEqualTo("中文");
    assertThat(labels()).doesNotContainPattern(HAN);
    assertThat(browser.findElement(By.cssSelector("footer .muted")).getText()).doesNotContainPattern(HAN);
  }

  /** The page's own words: its main part and the account links but the switch. */
  private String labels() {
    String account = browser.findElement(By.cssSelector("nav.account")).getText()
        .replace(browser.findElement(By.id("language-switch")).getText(), "");
    return browser.findElement(By.tagName("main")).getText() + "\n" + account;
  }

  private String language() {
    return browser.findElement(By.tagName("html")).getAttribute("lang");
  }
}
