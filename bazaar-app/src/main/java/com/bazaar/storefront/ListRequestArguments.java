package com.bazaar.storefront;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads a list page's {@link ListRequest} straight from its five query parameters. Spring's
 * constructor binding of a {@code @ModelAttribute} record looked up the record's components and
 * their nullness by reflection on every request: 7 % of a home page's CPU (docs/benchmarks.md,
 * "Fast paths in one run"). A malformed number is the same 400 page as before.
 */
@Configuration(proxyBeanMethods = false)
class ListRequestArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(this);
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == ListRequest.class;
  }

  @Override
  public ListRequest resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mav,
      NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
    return new ListRequest(number(request, "page", parameter), number(request, "to", parameter),
        request.getParameter("sort"), request.getParameter("min"), request.getParameter("max"));
  }

  /** Absent or blank is no number, as Spring's binding had it. */
  private static @Nullable Integer number(NativeWebRequest request, String name, MethodParameter parameter) {
    String value = request.getParameter(name);
    try {
      return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new MethodArgumentTypeMismatchException(value, Integer.class, name, parameter, e);
    }
  }
}
