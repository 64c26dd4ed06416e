package com.bazaar.platform.services;

import com.bazaar.platform.InvalidInput;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.HttpClientErrorException;

/**
 * A service's 400 turned back into the {@link InvalidInput} it threw, naming the same field and
 * reason (the {@code refusal} of its problem+json), so a remote caller's shopper reads the same
 * refusal in their language as in one process. A 400 without the shop's refusal (the framework's
 * answer to a body or parameter the service could not read: its texts are no message keys)
 * becomes the generic {@value #REFUSED_AS_INVALID}, naming the field when the answer lists one.
 */
public final class RemoteRefusals {
  /** The reason of a 400 that names none the shop has a text for. */
  public static final String REFUSED_AS_INVALID = "refusal.refusedAsInvalid";

  private RemoteRefusals() {}

  /** Makes the call; its 400 becomes the service's {@link InvalidInput}. */
  public static <T> T answered(Supplier<T> call) {
    try {
      return call.get();
    } catch (HttpClientErrorException.BadRequest invalid) {
      throw invalidInput(invalid);
    }
  }

  static InvalidInput invalidInput(HttpClientErrorException invalid) {
    ProblemDetail problem = invalid.getResponseBodyAs(ProblemDetail.class);
    if (problem != null && problem.getProperties() != null
        && problem.getProperties().get("refusal") instanceof Map<?, ?> refusal
        && refusal.get("arguments") instanceof List<?> arguments) {
      return new InvalidInput(String.valueOf(refusal.get("field")), String.valueOf(refusal.get("code")),
          arguments.toArray());
    }
    // The field errors' messages are texts, not keys: only the field is kept.
    if (problem != null && problem.getProperties() != null
        && problem.getProperties().get("errors") instanceof List<?> errors
        && !errors.isEmpty() && errors.get(0) instanceof Map<?, ?> first) {
      return new InvalidInput(String.valueOf(first.get("field")), REFUSED_AS_INVALID);
    }
    return new InvalidInput("body", REFUSED_AS_INVALID);
  }
}
