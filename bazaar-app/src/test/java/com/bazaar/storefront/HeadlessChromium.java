package com.bazaar.storefront;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The machine's Chromium and chromedriver (never a downloaded one), headless, with what the
 * layout tests need: a phone-sized screen through Chrome's device emulation, the page's
 * horizontal overflow, axe-core's findings, screenshots.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** WCAG 2.0 and 2.1, levels A and AA. */
  private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private final Path profile;
  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private String axeSource;

  private HeadlessChromium(Path profile, ChromeDriverService service, ChromeDriver driver) {
    this.profile = profile;
    this.service = service;
    this.driver = driver;
  }

  static HeadlessChromium start() throws IOException {
    // An explicit driver path keeps Selenium Manager from trying to download one.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    Path profile = Files.createTempDirectory("bazaar-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return new HeadlessChromium(profile, service, driver);
  }

  ChromeDriver driver() {
    return driver;
  }

  /** The same driver, for tests that only click and read. */
  org.openqa.selenium.WebDriver browser() {
    return driver;
  }

  /** A phone: the viewport {@code width} × {@code height} CSS pixels, mobile (meta viewport honoured). */
  void phone(int width, int height) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
  }

  /** Back to the desktop window of 1280 × 900. */
  void desktop() {
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    driver.manage().window().setSize(new Dimension(1280, 900));
  }

  /** How far the page reaches past the viewport's right edge, in CSS pixels (0: no sideways scrolling). */
  long horizontalOverflow() {
    Object overflow = driver.executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    return ((Number) overflow).longValue();
  }

  /** The elements that stick out past the right edge, to say what to fix when a page overflows. */
  String widestElements() {
    Object found = driver.executeScript("""
        const width = document.documentElement.clientWidth;
        // Inside a scroller of its own (the category strip, the admin menu) sticking out is fine.
        const scrolled = e => { for (let p = e.parentElement; p; p = p.parentElement) {
          const x = getComputedStyle(p).overflowX; if (x === 'auto' || x === 'scroll' || x === 'hidden') return true; }
          return false; };
        return Array.from(document.querySelectorAll('body *'))
          .filter(e => e.getBoundingClientRect().right > width + 0.5 && !scrolled(e))
          .slice(0, 8)
          .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : '')
            + ' right=' + Math.round(e.getBoundingClientRect().right))
          .join(', ');""");
    return String.valueOf(found);
  }

  /**
   * axe-core's serious and critical WCAG 2.x A/AA violations of the current page, one line
   * each (rule, impact, help, the first elements). WebDriver runs the script outside the page's
   * Content-Security-Policy, which allows no script at all.
   */
  List<String> seriousAccessibilityViolations() {
    driver.executeScript(axe());
    Object result = driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
          .then(r => done(JSON.stringify(r.violations)))
          .catch(e => done(JSON.stringify({error: String(e)})));""", WCAG_AA);
    JsonNode violations = JSON.readTree(String.valueOf(result));
    if (violations.isObject()) {
      throw new AssertionError("axe-core failed: " + violations.get("error").asString());
    }
    List<String> serious = new ArrayList<>();
    for (JsonNode violation : violations) {
      String impact = violation.path("impact").asString();
      if (!Set.of("serious", "critical").contains(impact)) {
        continue;
      }
      List<String> targets = new ArrayList<>();
      for (JsonNode node : violation.path("nodes")) {
        if (targets.size() < 4) {
          targets.add(node.path("target").toString() + " " + node.path("failureSummary").asString().replace('\n', ' '));
        }
      }
      serious.add(violation.path("id").asString() + " (" + impact + "): " + violation.path("help").asString()
          + " " + targets);
    }
    return serious;
  }

  /** axe-core's version once injected: proof that the script runs despite the page's CSP. */
  String axeVersion() {
    driver.executeScript(axe());
    return String.valueOf(driver.executeScript("return axe.version;"));
  }

  void screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String axe() {
    if (axeSource == null) {
      try (InputStream in = HeadlessChromium.class.getResourceAsStream("/axe/axe.min.js")) {
        if (in == null) {
          throw new IllegalStateException("test resource /axe/axe.min.js is missing");
        }
        axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return axeSource;
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      service.stop();
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
