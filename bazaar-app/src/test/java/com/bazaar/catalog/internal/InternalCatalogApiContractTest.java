package com.bazaar.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * One contract, not two (docs/services.md, Contracts): the catalog role's controller declares no
 * endpoint of its own; Spring MVC maps every one of its handlers from the {@code @HttpExchange}
 * annotations of {@link CatalogClient}, the interface the web role's client is generated from.
 */
class InternalCatalogApiContractTest {

  @Test
  void theControllerDeclaresNoEndpointOfItsOwn() {
    assertThat(CatalogClient.class).isAssignableFrom(InternalCatalogApi.class);
    assertThat(Arrays.stream(InternalCatalogApi.class.getDeclaredMethods())
            .filter(method -> method.getDeclaredAnnotations().length > 0 && !method.isSynthetic())
            .filter(method -> method.isAnnotationPresent(RequestMapping.class)
                || Arrays.stream(method.getDeclaredAnnotations()).anyMatch(annotation ->
                    annotation.annotationType().isAnnotationPresent(RequestMapping.class)
                        || annotation.annotationType().isAnnotationPresent(HttpExchange.class))))
        .as("mapping annotations on the controller itself")
        .isEmpty();
  }

  @Test
  void everyCallOfTheClientIsServedAtTheSameMethodAndPath() {
    Map<String, String> served = servedEndpoints();

    Map<String, String> declared = new TreeMap<>();
    for (Method call : CatalogClient.class.getDeclaredMethods()) {
      HttpExchange exchange = AnnotatedElementUtils.findMergedAnnotation(call, HttpExchange.class);
      assertThat(exchange).as("%s has an @HttpExchange", call.getName()).isNotNull();
      declared.put(call.getName(), exchange.method() + " " + InternalCatalogApi.ROOT + exchange.value());
    }
    assertThat(served).isEqualTo(declared);
  }

  /** What the catalog role's handler mapping makes of the controller: handler method → "METHOD /path". */
  private static Map<String, String> servedEndpoints() {
    StaticWebApplicationContext context = new StaticWebApplicationContext();
    context.setServletContext(new MockServletContext());
    context.getBeanFactory().registerSingleton("internalCatalogApi", new InternalCatalogApi(mock(CatalogService.class)));
    context.refresh();
    RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
    mapping.setApplicationContext(context);
    mapping.afterPropertiesSet();

    Map<String, String> served = new TreeMap<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = entry.getKey();
      Set<String> methods = info.getMethodsCondition().getMethods().stream().map(String::valueOf).collect(Collectors.toSet());
      assertThat(methods).as("one HTTP method for %s", entry.getValue()).hasSize(1);
      assertThat(info.getPatternValues()).as("one path for %s", entry.getValue()).hasSize(1);
      served.put(entry.getValue().getMethod().getName(),
          methods.iterator().next() + " " + info.getPatternValues().iterator().next());
    }
    return served;
  }
}
