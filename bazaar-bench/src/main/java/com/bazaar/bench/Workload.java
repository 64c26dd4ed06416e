package com.bazaar.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.random.RandomGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shopper actions over HTTP, per the API contract: browse, item, search, cart, order, pay. One
 * shared {@link HttpClient}; each shopper carries its own {@code SESSION} cookie.
 */
public final class Workload implements Audit.View {

  /** Search words, Chinese and English, that the demo catalog answers (and some it may not). */
  static final List<String> SEARCH_WORDS = List.of(
      "手机", "耳机", "牛奶", "电脑", "茶叶", "运动鞋", "phone", "shoes", "headphones", "milk", "laptop", "tea", "coffee", "bag");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /**
   * One action's result: the action actually done (pay without an unpaid order becomes order), its
   * HTTP status, and how long the shop asked the client to wait before the next try (a 503's or
   * 429's {@code Retry-After}; zero for none).
   */
  public record Outcome(Action action, int status, Duration retryAfter) {
    public Outcome(Action action, int status) {
      this(action, status, Duration.ZERO);
    }

    Outcome(Action action, Response answer) {
      this(action, answer.status(), answer.retryAfter());
    }
  }

  private final URI target;
  private final HttpClient http;
  private final OrderLedger ledger;
  private final List<String> categoryIds = new ArrayList<>();
  private final List<String> itemIds = new ArrayList<>();
  private final List<Shopper> shoppers = new ArrayList<>();

  public Workload(URI target, OrderLedger ledger) {
    this.target = target;
    this.ledger = ledger;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /**
   * Reads categories and a page of item ids, has the admin top them up (unless {@code restock} is
   * off), then registers and logs in {@code users} shoppers. Answers how many items were topped up.
   */
  public int setUp(int users, String runId, BenchConfig.Restock restock) throws IOException, InterruptedException {
    Response categories = send(null, "GET", "/api/categories", null, null);
    categories.require("GET /api/categories");
    for (JsonNode c : categories.json()) {
      categoryIds.add(c.get("id").asString());
    }
    Response items = send(null, "GET", "/api/items?page=0&size=100", null, null);
    items.require("GET /api/items");
    for (JsonNode i : items.json().get("content")) {
      itemIds.add(i.get("id").asString());
    }
    if (itemIds.isEmpty()) {
      throw new IOException("the site has no items to shop for");
    }
    Shopper admin = restock.off() ? null : admin(restock);
    int restocked = 0;
    for (String itemId : itemIds) {
      OptionalLong stock = stock(itemId);
      if (admin != null && stock.isPresent() && stock.getAsLong() < restock.floor()) {
        // the stock as the write answered it: a read behind a cache may still trail it
        stock = OptionalLong.of(topUp(admin, itemId, restock.floor() - stock.getAsLong()));
        restocked++;
      }
      if (stock.isPresent()) {
        ledger.stockBefore(itemId, stock.getAsLong());
      }
    }
    for (int n = 0; n < users; n++) {
      Shopper shopper = new Shopper("bench-" + runId + "-" + n);
      String password = "bench-password-" + runId;
      String credentials = "{\"username\":\"" + shopper.username() + "\",\"password\":\"" + password + "\"";
      send(null, "POST", "/api/users", credentials + ",\"email\":\"" + shopper.username() + "@bench.example.com\"}", null)
          .require("POST /api/users for " + shopper.username());
      send(shopper, "POST", "/api/session", credentials + "}", null)
          .require("POST /api/session for " + shopper.username());
      if (shopper.sessionCookie() == null) {
        throw new IOException("login of " + shopper.username() + " set no SESSION cookie");
      }
      shoppers.add(shopper);
    }
    return restocked;
  }

  /** The admin who restocks, logged in. */
  private Shopper admin(BenchConfig.Restock restock) throws IOException, InterruptedException {
    Shopper admin = new Shopper(restock.user());
    String credentials = JSON.writeValueAsString(Map.of("username", restock.user(), "password", restock.password()));
    Response login = send(admin, "POST", "/api/session", credentials, null);
    if (!login.ok() || admin.sessionCookie() == null) {
      throw new IOException("restocking needs an admin, and logging in as " + restock.user() + " answered " + login.status()
          + ": pass --admin USER:PASSWORD, or --restock 0 to leave the stock alone");
    }
    return admin;
  }

  /** Adds {@code units} to the item's stock as the admin: the stock it has now. */
  private long topUp(Shopper admin, String itemId, long units) throws IOException, InterruptedException {
    Response r = send(admin, "POST", "/api/admin/items/" + itemId + "/stock", "{\"delta\":" + units + "}", null);
    r.require("POST /api/admin/items/" + itemId + "/stock");
    return r.json().get("stock").asLong();
  }

  public List<Shopper> shoppers() {
    return List.copyOf(shoppers);
  }

  public Outcome perform(Shopper shopper, Action action, RandomGenerator random) {
    try {
      return switch (action) {
        case BROWSE -> new Outcome(action, browse(random));
        case ITEM -> new Outcome(action, item(random));
        case SEARCH -> new Outcome(action, search(random));
        case CART -> new Outcome(action, cart(shopper, random));
        case ORDER -> new Outcome(action, order(shopper, random));
        case PAY -> pay(shopper, random);
      };
    } catch (IOException e) {
      return new Outcome(action, Measurements.NO_ANSWER);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(action, Measurements.NO_ANSWER);
    }
  }

  private Response browse(RandomGenerator random) throws IOException, InterruptedException {
    Response categories = send(null, "GET", "/api/categories", null, null);
    if (!categories.ok() || categoryIds.isEmpty()) {
      return categories;
    }
    String categoryId = categoryIds.get(random.nextInt(categoryIds.size()));
    return send(null, "GET", "/api/items?categoryId=" + categoryId + "&page=" + random.nextInt(3) + "&size=20", null, null);
  }

  /** One item's page data, anonymous: the read an edge cache can answer. */
  private Response item(RandomGenerator random) throws IOException, InterruptedException {
    return send(null, "GET", "/api/items/" + randomItem(random), null, null);
  }

  private Response search(RandomGenerator random) throws IOException, InterruptedException {
    String word = SEARCH_WORDS.get(random.nextInt(SEARCH_WORDS.size()));
    return send(null, "GET", "/api/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8) + "&size=20", null, null);
  }

  private Response cart(Shopper shopper, RandomGenerator random) throws IOException, InterruptedException {
    String itemId = randomItem(random);
    return send(shopper, "PUT", "/api/cart/items/" + itemId, "{\"quantity\":1}", null);
  }

  private Response order(Shopper shopper, RandomGenerator random) throws IOException, InterruptedException {
    String itemId = randomItem(random);
    ledger.touched(itemId);
    Response r = send(shopper, "POST", "/api/orders",
        "{\"lines\":[{\"itemId\":\"" + itemId + "\",\"quantity\":1}]}", UUID.randomUUID().toString());
    if (r.status() == 201) {
      String orderId = r.json().get("id").asString();
      ledger.created(shopper.username(), orderId, itemId, 1);
      shopper.placed(orderId);
    }
    return r;
  }

  private Outcome pay(Shopper shopper, RandomGenerator random) throws IOException, InterruptedException {
    String orderId = shopper.takeUnpaid();
    if (orderId == null) {
      // nothing to pay yet: place an order instead, so the request rate stays what was asked
      return new Outcome(Action.ORDER, order(shopper, random));
    }
    Response r = send(shopper, "POST", "/api/orders/" + orderId + "/pay", "{}", UUID.randomUUID().toString());
    if (r.status() == 200) {
      ledger.paid(shopper.username(), orderId);
    }
    return new Outcome(Action.PAY, r);
  }

  private String randomItem(RandomGenerator random) {
    return itemIds.get(random.nextInt(itemIds.size()));
  }

  // --- the audit's view, asked as each shopper ---

  @Override
  public Optional<String> orderStatus(String owner, String orderId) {
    Shopper shopper = shoppers.stream().filter(s -> s.username().equals(owner)).findFirst().orElse(null);
    if (shopper == null) {
      return Optional.empty();
    }
    try {
      Response r = send(shopper, "GET", "/api/orders/" + orderId, null, null);
      return r.status() == 200 ? Optional.of(r.json().get("status").asString()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public OptionalLong stock(String itemId) {
    try {
      Response r = send(null, "GET", "/api/items/" + itemId, null, null);
      return r.status() == 200 ? OptionalLong.of(r.json().get("stock").asLong()) : OptionalLong.empty();
    } catch (IOException e) {
      return OptionalLong.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalLong.empty();
    }
  }

  // --- HTTP ---

  private Response send(Shopper shopper, String method, String path, String body, String idempotencyKey)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target + path)).timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json");
    if (body != null) {
      b.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
          .header("Content-Type", "application/json");
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    if (!"GET".equals(method)) {
      b.header("X-Requested-With", "XMLHttpRequest");
    }
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    if (shopper != null && shopper.sessionCookie() != null) {
      b.header("Cookie", "SESSION=" + shopper.sessionCookie());
    }
    HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (shopper != null) {
      for (String setCookie : response.headers().allValues("Set-Cookie")) {
        if (setCookie.startsWith("SESSION=")) {
          int end = setCookie.indexOf(';');
          shopper.sessionCookie(setCookie.substring("SESSION=".length(), end < 0 ? setCookie.length() : end));
        }
      }
    }
    return new Response(response.statusCode(), response.body(),
        retryAfter(response.statusCode(), response.headers().firstValue("Retry-After")));
  }

  /**
   * The wait a refusal asks for: a 503's or 429's {@code Retry-After} in seconds (the shop's form);
   * zero for any other answer, or a header that is absent or not a number of seconds.
   */
  static Duration retryAfter(int status, Optional<String> header) {
    if ((status != 503 && status != 429) || header.isEmpty() || !header.get().trim().matches("\\d{1,6}")) {
      return Duration.ZERO;
    }
    return Duration.ofSeconds(Long.parseLong(header.get().trim()));
  }

  private record Response(int status, String body, Duration retryAfter) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    JsonNode json() {
      return JSON.readTree(body);
    }

    void require(String what) throws IOException {
      if (!ok()) {
        throw new IOException(what + " answered " + status + ": " + body.substring(0, Math.min(300, body.length())));
      }
    }
  }
}
