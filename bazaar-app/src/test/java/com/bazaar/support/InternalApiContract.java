package com.bazaar.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * One contract, not two (docs/services.md, Contracts): a module's internal controller declares no
 * endpoint of its own; Spring MVC maps every one of its handlers from the {@code @HttpExchange}
 * annotations of the client interface the callers' client is generated from.
 */
public final class InternalApiContract {
  private InternalApiContract() {}

  /** The controller implements the client, declares no mapping itself, and serves each call at the client's method and path. */
  public static void assertOneContract(Class<?> client, Object controller, String root) {
    assertThat(client).isAssignableFrom(controller.getClass());
    assertThat(Arrays.stream(controller.getClass().getDeclaredMethods())
            .filter(method -> method.getDeclaredAnnotations().length > 0 && !method.isSynthetic())
            .filter(method -> method.isAnnotationPresent(RequestMapping.class)
                || Arrays.stream(method.getDeclaredAnnotations()).anyMatch(annotation ->
                    annotation.annotationType().isAnnotationPresent(RequestMapping.class)
                        || annotation.annotationType().isAnnotationPresent(HttpExchange.class))))
        .as("mapping annotations on the controller itself")
        .isEmpty();

    Map<String, String> declared = new TreeMap<>();
    for (Method call : client.getDeclaredMethods()) {
      HttpExchange exchange = AnnotatedElementUtils.findMergedAnnotation(call, HttpExchange.class);
      assertThat(exchange).as("%s has an @HttpExchange", call.getName()).isNotNull();
      declared.put(signature(call), exchange.method() + " " + root + exchange.value());
    }
    assertThat(servedEndpoints(controller)).isEqualTo(declared);
  }

  /** What the handler mapping makes of the controller: handler method → "METHOD /path". */
  private static Map<String, String> servedEndpoints(Object controller) {
    StaticWebApplicationContext context = new StaticWebApplicationContext();
    context.setServletContext(new MockServletContext());
    context.getBeanFactory().registerSingleton("internalApi", controller);
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
      served.put(signature(entry.getValue().getMethod()),
          methods.iterator().next() + " " + info.getPatternValues().iterator().next());
    }
    return served;
  }

  /** Name and parameter types: a client may overload a call (one item, many). */
  private static String signature(Method method) {
    return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
        .collect(Collectors.joining(",", "(", ")"));
  }
}
