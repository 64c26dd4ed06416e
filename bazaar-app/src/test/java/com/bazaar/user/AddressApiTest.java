package com.bazaar.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddressApiTest extends ApiTest {

  static Map<String, Object> address(String recipient) {
    Map<String, Object> address = new LinkedHashMap<>();
    address.put("recipient", recipient);
    address.put("phone", "138 0013 8000");
    address.put("region", "上海市");
    address.put("city", "上海市");
    address.put("line", "浦东新区世纪大道 100 号");
    address.put("postcode", "200120");
    return address;
  }

  static Map<String, Object> with(Map<String, Object> address, String field, Object value) {
    Map<String, Object> changed = new LinkedHashMap<>(address);
    changed.put(field, value);
    return changed;
  }

  static String add(ApiClient shopper, Map<String, Object> address) {
    Answer added = shopper.post("/api/addresses", ApiClient.json(address));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    return added.json().get("id").asString();
  }

  @Test
  void aShopperKeepsAddressesWithOneDefault() {
    ApiClient shopper = newShopper();
    assertThat(shopper.get("/api/addresses").json().size()).isZero();

    Answer first = shopper.post("/api/addresses", ApiClient.json(address("张三")));
    assertThat(first.status()).isEqualTo(201);
    String home = first.json().get("id").asString();
    assertThat(first.header("Location")).endsWith("/api/addresses/" + home);
    assertThat(first.json().get("phone").asString()).as("separators dropped").isEqualTo("13800138000");
    assertThat(first.json().get("default").asBoolean()).as("the first address is the default").isTrue();

    String office = add(shopper, with(with(address("李四"), "default", true), "postcode", ""));
    var list = shopper.get("/api/addresses").json();
    assertThat(list.size()).isEqualTo(2);
    assertThat(list.get(0).get("id").asString()).as("the default first").isEqualTo(office);
    assertThat(list.get(0).get("postcode").isNull()).isTrue();
    assertThat(list.get(1).get("default").asBoolean()).as("only one default").isFalse();

    Answer changed = shopper.put("/api/addresses/" + home, ApiClient.json(with(address("张三丰"), "default", true)));
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.json().get("recipient").asString()).isEqualTo("张三丰");
    assertThat(shopper.get("/api/addresses/" + office).json().get("default").asBoolean()).isFalse();

    assertThat(shopper.delete("/api/addresses/" + home).status()).isEqualTo(204);
    assertThat(shopper.get("/api/addresses/" + home).status()).isEqualTo(404);
    assertThat(shopper.get("/api/addresses/" + office).json().get("default").asBoolean())
        .as("deleting the default makes the remaining one the default").isTrue();
  }

  @Test
  void anotherShoppersAddressIsNotFoundAndStaysAsItWas() {
    ApiClient owner = newShopper();
    ApiClient other = newShopper();
    String id = add(owner, address("王五"));

    assertThat(other.get("/api/addresses/" + id).status()).isEqualTo(404);
    assertThat(other.put("/api/addresses/" + id, ApiClient.json(address("mallory"))).status()).isEqualTo(404);
    assertThat(other.delete("/api/addresses/" + id).status()).isEqualTo(404);
    assertThat(other.get("/api/addresses").json().size()).isZero();
    assertThat(owner.get("/api/addresses/" + id).json().get("recipient").asString()).isEqualTo("王五");
    assertThat(anonymous().get("/api/addresses").status()).isEqualTo(401);
    assertThat(anonymous().post("/api/addresses", ApiClient.json(address("x"))).status()).isIn(401, 403);
  }

  @Test
  void badAddressesAreRefusedWithAProblemAndNothingStored() {
    ApiClient shopper = newShopper();
    Map<String, Object> good = address("赵六");
    Object[][] bad = {
        {"recipient", null}, {"recipient", "   "}, {"recipient", "x".repeat(51)},
        {"recipient", "Bob\u0000"}, {"recipient", "Bob\nSmith"}, {"recipient", "Bob\u202Eevil"},
        {"phone", null}, {"phone", "12345"}, {"phone", "12800138000"}, {"phone", "call me"},
        {"phone", "138001380001234567"}, {"phone", "<script>"},
        {"region", ""}, {"city", "c".repeat(51)}, {"line", "l".repeat(201)}, {"line", null},
        {"postcode", "12"}, {"postcode", "'; DROP TABLE addresses; --"},
    };
    for (Object[] field : bad) {
      Answer refused = shopper.post("/api/addresses", ApiClient.json(with(good, (String) field[0], field[1])));
      assertThat(refused.status()).as(field[0] + "=" + field[1]).isEqualTo(400);
      assertThat(refused.contentType()).startsWith("application/problem+json");
    }
    for (String body : new String[] {"", "null", "[]", "{\"recipient\":", "{\"default\":\"maybe\"}"}) {
      assertThat(shopper.post("/api/addresses", body).status()).as(body).isEqualTo(400);
    }
    assertThat(shopper.get("/api/addresses/not-a-number").status()).isEqualTo(400);
    assertThat(shopper.get("/api/addresses/99999999999999999999").status()).isEqualTo(400);
    assertThat(shopper.get("/api/addresses").json().size()).as("nothing stored").isZero();

    String id = add(shopper, good);
    assertThat(shopper.put("/api/addresses/" + id, ApiClient.json(with(good, "phone", "1"))).status()).isEqualTo(400);
    assertThat(shopper.get("/api/addresses/" + id).json().get("phone").asString()).isEqualTo("13800138000");
  }

  @Test
  void otherCountriesPhonesAndFullWidthTextAreKept() {
    ApiClient shopper = newShopper();
    Answer added = shopper.post("/api/addresses",
        ApiClient.json(with(with(address("Zoë O'Brien"), "phone", "+44 20-7946-0958"), "recipient", "Zoë O'Brien")));
    assertThat(added.status()).isEqualTo(201);
    assertThat(added.json().get("phone").asString()).isEqualTo("+442079460958");
    assertThat(added.json().get("recipient").asString()).isEqualTo("Zoë O'Brien");
    assertThat(shopper.post("/api/addresses", ApiClient.json(with(address("x"), "recipient", "名".repeat(50))))
        .status()).as("50 characters, not 50 bytes").isEqualTo(201);
  }

  @Test
  void anAddressBookIsBounded() {
    ApiClient shopper = newShopper();
    for (int i = 0; i < AddressBook.LIMIT; i++) {
      add(shopper, address("收件人" + i));
    }
    Answer full = shopper.post("/api/addresses", ApiClient.json(address("one too many")));
    assertThat(full.status()).isEqualTo(409);
    assertThat(full.contentType()).startsWith("application/problem+json");
    assertThat(shopper.get("/api/addresses").json().size()).isEqualTo(AddressBook.LIMIT);
  }
}
