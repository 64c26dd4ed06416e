package com.bazaar.platform.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API speaks JSON (API.md) whatever else the Accept header would prefer. Jackson's XML
 * module arrives on the classpath with ShardingSphere, and Spring then registers an XML
 * converter too: a browser, which lists {@code application/xml;q=0.9} before {@code *}{@code /*},
 * got XML from {@code /api/notifications}. Without the XML converters a browser gets JSON,
 * and a client accepting only what the API does not speak gets 406 problem+json.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnlyApi implements WebMvcConfigurer {

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    converters.removeIf(JsonOnlyApi::writesXml);
  }

  private static boolean writesXml(HttpMessageConverter<?> converter) {
    return converter.getSupportedMediaTypes().stream()
        .anyMatch(type -> "xml".equals(type.getSubtype()) || "xml".equals(type.getSubtypeSuffix()));
  }
}
