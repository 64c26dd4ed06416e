package com.bazaar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every answer goes out whole, with its length, never chunk by chunk: a node killed between two
 * chunks would cut the body of an answer nginx had begun to pass on (WholeResponseFilter).
 */
class WholeResponseTest extends ApiTest {

  @Test
  void answersOfEveryKindCarryTheirLengthAndAreNotChunked() {
    ApiClient shopper = newShopper();
    ApiClient anonymous = anonymous();
    List<ApiClient.Answer> answers = List.of(
        shopper.get("/api/session"), // a ResponseEntity<?> that Jackson flushed: it used to go out chunked
        anonymous.get("/api/session"),
        shopper.get("/api/cart"),
        shopper.get("/api/orders"),
        anonymous.get("/api/cart"), // refused by the security filters, before any controller
        anonymous.get("/api/no-such-thing"),
        anonymous.get("/"),
        anonymous.get("/v3/api-docs"), // springdoc's own controller
        anonymous.get("/swagger-ui/index.html")); // a static file of the swagger-ui webjar
    for (ApiClient.Answer answer : answers) {
      assertThat(answer.header("Transfer-Encoding")).as("chunked: %s", answer).isNull();
      assertThat(answer.header("Content-Length")).as("length of %s", answer)
          .isEqualTo(String.valueOf(answer.body().getBytes(StandardCharsets.UTF_8).length));
    }
  }
}
