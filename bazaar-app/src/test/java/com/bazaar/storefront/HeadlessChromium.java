package com.bazaar.storefront;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The machine's Chromium and chromedriver, headless, with a throw-away profile: the same set-up
 * as {@link StorefrontBrowserTest}, for browser tests of their own. Never downloads a driver.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final Path profile;
  private final ChromeDriverService service;
  private final WebDriver browser;

  private HeadlessChromium(Path profile, ChromeDriverService service, WebDriver browser) {
    this.profile = profile;
    this.service = service;
    this.browser = browser;
  }

  static HeadlessChromium start() {
    // An explicit driver path keeps Selenium Manager from trying to download one.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    try {
      Path profile = Files.createTempDirectory("bazaar-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
          .usingAnyFreePort()
          .build();
      return new HeadlessChromium(profile, service, new ChromeDriver(service, options));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  WebDriver browser() {
    return browser;
  }

  @Override
  public void close() throws IOException {
    try {
      browser.quit();
    } finally {
      service.stop();
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
