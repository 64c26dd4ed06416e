package com.bazaar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.platform.InvalidInput;
import com.bazaar.support.ApiTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;

/**
 * A refusal whose key has no text still answers its own status: the key stands in for the text
 * (a typo, or a newer service's refusal relayed by a caller that lacks it), never a 500. The
 * framework's own problem texts are untouched (WebEdgeTest).
 */
class UnknownRefusalTextTest extends ApiTest {
  @Autowired MessageSource messages;

  @Test
  void aRefusalWithoutTextReadsAsItsKey() {
    InvalidInput refusal = new InvalidInput("quantity", "refusal.noSuchTextAnywhere", 3);

    assertThat(ProblemResponses.problem(HttpStatus.BAD_REQUEST, refusal, messages).getDetail())
        .isEqualTo("refusal.noSuchTextAnywhere");
    assertThat(messages.getMessage(refusal, Locale.SIMPLIFIED_CHINESE)).isEqualTo("refusal.noSuchTextAnywhere");
  }
}
