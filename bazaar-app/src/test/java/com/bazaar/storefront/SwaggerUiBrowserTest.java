package com.bazaar.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.RealEngines;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Swagger UI works under its Content-Security-Policy (scripts and styles from this origin only):
 * Chromium renders the operations of the API, styled, from /v3/api-docs.
 */
@RealEngines
class SwaggerUiBrowserTest extends ShopBrowserTest {

  @Test
  void swaggerUiShowsTheApisOperationsByModule() {
    browser.get(url("/swagger-ui/index.html"));

    waiting().until(page -> page.findElements(By.cssSelector(".opblock")).size() > 30);
    List<String> paths = browser.findElements(By.cssSelector(".opblock-summary-path")).stream()
        .map(WebElement::getText).toList();
    assertThat(paths).contains("/api/orders", "/api/flash-sales/{saleId}/purchase", "/api/session")
        .allMatch(path -> path.startsWith("/api/"));
    assertThat(browser.findElements(By.cssSelector(".opblock-tag")).stream().map(WebElement::getText).toList())
        .anyMatch(tag -> tag.startsWith("order")).anyMatch(tag -> tag.startsWith("catalog"));
    // swagger-ui.css applied: a GET's method badge is blue, not an unstyled transparent span
    assertThat(browser.findElement(By.cssSelector(".opblock-get .opblock-summary-method")).getCssValue("background-color"))
        .isNotIn("rgba(0, 0, 0, 0)", "transparent");

    // Opening an operation renders its parameters and answers; nothing it does breaks the policy.
    ((JavascriptExecutor) browser).executeScript("""
        window.violations = [];
        document.addEventListener('securitypolicyviolation', e => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));""");
    browser.findElement(By.cssSelector("#operations-order-place .opblock-summary-control")).click();
    waiting().until(page -> !page.findElements(By.cssSelector("#operations-order-place .responses-table")).isEmpty());
    chromium.screenshot(Path.of("target", "screens", "swagger-ui.png"));
    assertThat((List<?>) ((JavascriptExecutor) browser).executeScript("return window.violations;"))
        .as("Content-Security-Policy violations").isEmpty();
  }
}
