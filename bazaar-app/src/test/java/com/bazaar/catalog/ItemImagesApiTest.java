package com.bazaar.catalog;

import static com.bazaar.support.TestPictures.png;
import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestItems;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Item pictures (API.md): an admin uploads a PNG, JPEG or WebP told by its content; anything
 * else, or too much, is a 4xx that stores nothing; pictures are served at immutable URLs.
 */
class ItemImagesApiTest extends ApiTest {
  @Autowired TestItems items;

  private String imageUrl(long itemId) {
    return anonymous().get("/api/items/" + itemId).json().get("imageUrl").asString();
  }

  @Test
  void anAdminUploadsAPngThatEveryoneGetsWithLongLivedCacheHeaders() {
    long item = items.create("Pictured kettle", 1_990, 1);
    byte[] png = png(Color.ORANGE);

    var answer = admin().upload("/api/admin/items/" + item + "/image", "image", "kettle.png", "image/png", png);

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    String url = answer.json().get("imageUrl").asString();
    assertThat(url).matches("/images/[0-9a-f]{32}\\.png");
    assertThat(imageUrl(item)).isEqualTo(url);
    HttpResponse<byte[]> served = anonymous().download(url);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.body()).isEqualTo(png);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(served.headers().firstValue("Cache-Control").orElseThrow())
        .contains("max-age=31536000").contains("public").contains("immutable");
    assertThat(served.headers().firstValue("Set-Cookie")).as("no session for a picture").isEmpty();
  }

  @Test
  void anotherPictureGetsAnotherUrl() {
    long item = items.create("Twice pictured kettle", 1_990, 1);
    String first = admin().upload("/api/admin/items/" + item + "/image", "image", "a.png", "image/png", png(Color.RED))
        .json().get("imageUrl").asString();
    String second = admin().upload("/api/admin/items/" + item + "/image", "image", "b.png", "image/png", png(Color.BLUE))
        .json().get("imageUrl").asString();

    assertThat(second).isNotEqualTo(first);
    assertThat(anonymous().download(first).statusCode()).as("old URLs stay valid").isEqualTo(200);
  }

  @Test
  void aTextFileNamedPngIsRefusedAndNothingChanges() {
    long item = items.create("Text kettle", 1_990, 1);
    String before = imageUrl(item);

    var answer = admin().upload("/api/admin/items/" + item + "/image", "image", "kettle.png", "image/png",
        "not a picture at all".getBytes(StandardCharsets.UTF_8));

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body()).contains("image").contains("PNG, JPEG or WebP");
    assertThat(imageUrl(item)).isEqualTo(before).startsWith("/images/generated/");
  }

  @Test
  void anEmptyFileOrAMissingPartIsRefused() {
    long item = items.create("Empty kettle", 1_990, 1);
    var empty = admin().upload("/api/admin/items/" + item + "/image", "image", "e.png", "image/png", new byte[0]);
    assertThat(empty.status()).as(empty.body()).isEqualTo(400);
    var wrongPart = admin().upload("/api/admin/items/" + item + "/image", "file", "k.png", "image/png", png(Color.RED));
    assertThat(wrongPart.status()).as(wrongPart.body()).isEqualTo(400);
  }

  @Test
  void aPictureOverTwoMegabytesIsRefusedWithAClearMessage() {
    long item = items.create("Huge kettle", 1_990, 1);
    String before = imageUrl(item);
    byte[] huge = Arrays.copyOf(png(Color.GREEN), 2 * 1024 * 1024 + 1);

    var answer = admin().upload("/api/admin/items/" + item + "/image", "image", "huge.png", "image/png", huge);

    assertThat(answer.status()).as(answer.body()).isIn(400, 413);
    assertThat(answer.contentType()).as(answer.status() + " " + answer.body()).startsWith("application/problem+json");
    assertThat(answer.body()).containsIgnoringCase("size");
    assertThat(imageUrl(item)).isEqualTo(before);
  }

  @Test
  void onlyAdminsUpload() {
    long item = items.create("Guarded kettle", 1_990, 1);
    byte[] png = png(Color.RED);
    assertThat(newShopper().upload("/api/admin/items/" + item + "/image", "image", "k.png", "image/png", png).status())
        .isEqualTo(403);
    assertThat(anonymous().upload("/api/admin/items/" + item + "/image", "image", "k.png", "image/png", png).status())
        .isEqualTo(401);
    assertThat(imageUrl(item)).startsWith("/images/generated/");
  }

  @Test
  void anUnknownItemIs404() {
    var answer = admin().upload("/api/admin/items/1/image", "image", "k.png", "image/png", png(Color.RED));
    assertThat(answer.status()).as(answer.body()).isEqualTo(404);
  }

  @Test
  void itemsWithoutAPictureGetOneDrawnFromTitleAndCategory() {
    long item = items.create("水壶 kettle", 1_990, 1);
    String url = imageUrl(item);
    assertThat(url).matches("/images/generated/\\d+-[0-9a-f]+\\.svg");

    HttpResponse<byte[]> served = anonymous().download(url);

    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
    assertThat(served.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
    assertThat(new String(served.body(), StandardCharsets.UTF_8)).contains("&#x6c34;&#x58f6;").doesNotContain("<script");
  }

  @Test
  void namesNoPictureCouldHaveAre404() {
    ApiClient anyone = anonymous();
    for (String path : new String[] {
        "/images/generated/12-41.svg", "/images/generated/1-zz.svg", "/images/generated/1-c3.svg",
        "/images/generated/1-414243.svg", "/images/0123456789abcdef0123456789abcdef.png",
        "/images/..%2F..%2Fetc%2Fpasswd", "/images/x.png"}) {
      assertThat(anyone.download(path).statusCode()).as(path).isIn(400, 404);
    }
  }
}
