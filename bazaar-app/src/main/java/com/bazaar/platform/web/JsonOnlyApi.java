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
 * and a client accepting only what the API does not speak gets 406 problem+json. The same for
 * YAML, which arrives with springdoc-openapi (the OpenAPI document's own YAML form,
 * {@code /v3/api-docs.yaml}, is written by springdoc and needs no converter).
 */
@Configuration(proxyBeanMethods = false)
class JsonOnlyApi implements WebMvcConfigurer {

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    converters.removeIf(converter -> writes(converter, "xml") || writes(converter, "yaml"));
  }

  private static boolean writes(HttpMessageConverter<?> converter, String format) {
    return converter.getSupportedMediaTypes().stream()
        .anyMatch(type -> format.equals(type.getSubtype()) || format.equals(type.getSubtypeSuffix()));
  }
}
