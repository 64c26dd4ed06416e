package com.bazaar.storefront;

import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A wait that polls a page which a form post, a redirect or a refresh may replace between a poll's
 * find and its read: that poll reads the old page's element, and the next poll reads the new page.
 * Chromium reports such an element either as stale or — when the new document commits mid-call —
 * as an "unknown error" whose node "does not belong to the document"; both mean "poll again".
 */
final class PageWait extends WebDriverWait {
  private static final String NODE_OF_A_REPLACED_PAGE = "does not belong to the document";

  private PageWait(WebDriver browser) {
    super(browser, Duration.ofSeconds(20));
    ignoring(StaleElementReferenceException.class);
  }

  static WebDriverWait on(WebDriver browser) {
    return new PageWait(browser);
  }

  @Override
  public <V> V until(Function<? super WebDriver, ? extends V> condition) {
    return super.until(driver -> {
      try {
        return condition.apply(driver);
      } catch (WebDriverException e) {
        if (e.getMessage() != null && e.getMessage().contains(NODE_OF_A_REPLACED_PAGE)) {
          throw new StaleElementReferenceException("the page was replaced mid-poll", e);
        }
        throw e;
      }
    });
  }
}
