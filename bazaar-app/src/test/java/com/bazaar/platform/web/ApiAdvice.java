package com.bazaar.platform.web;

import java.nio.charset.StandardCharsets;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The API's exception handler (package-private in main code) and the shop's texts, for MockMvc
 * tests of another module's controller: its answers then come out as the app writes them.
 */
public final class ApiAdvice {
  private ApiAdvice() {}

  /** messages*.properties, read as application.yaml's {@code spring.messages} says. */
  public static MessageSource shopMessages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
    messages.setFallbackToSystemLocale(false);
    return messages;
  }

  public static Object handler(MessageSource messages) {
    return new ApiExceptionHandler(messages);
  }
}
