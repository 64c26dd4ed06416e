package com.bazaar.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Requests that nothing of the shop would answer: an unknown path, or a known path with a method
 * it does not take. Deny-by-default lets these through so that they keep their honest 404 and
 * 405 (problem+json or the shop's page) instead of a 401 or a login redirect, which would also
 * create a session for every anonymous typo. No code of ours runs for them: the dispatcher finds
 * no handler and answers from the error page.
 *
 * <p>Asks every handler mapping of the dispatcher (controllers, actuator endpoints, static
 * resources), so a request any of them would serve is never called unmapped.
 */
@Component
public final class UnmappedRequests implements RequestMatcher {
  private final ObjectProvider<HandlerMapping> mappings;

  UnmappedRequests(ObjectProvider<HandlerMapping> mappings) {
    this.mappings = mappings;
  }

  @Override
  public boolean matches(HttpServletRequest request) {
    // A lookup leaves attributes on the request (the matched pattern, path variables, the parsed
    // path); the dispatcher sets its own later, so ours must not linger.
    Map<String, Object> before = attributes(request);
    try {
      return mappings.orderedStream().noneMatch(mapping -> serves(mapping, request));
    } finally {
      restore(request, before);
    }
  }

  private static boolean serves(HandlerMapping mapping, HttpServletRequest request) {
    try {
      return mapping.getHandler(request) != null;
    } catch (HttpRequestMethodNotSupportedException wrongMethod) {
      return false;
    } catch (Exception mappedButRefused) {
      // The path and method match a handler that refuses the request's content type or
      // parameters: that is the handler's endpoint, so it is not unmapped.
      return true;
    }
  }

  private static Map<String, Object> attributes(HttpServletRequest request) {
    Map<String, Object> attributes = new HashMap<>();
    for (String name : Collections.list(request.getAttributeNames())) {
      attributes.put(name, request.getAttribute(name));
    }
    return attributes;
  }

  private static void restore(HttpServletRequest request, Map<String, Object> before) {
    for (String name : Collections.list(request.getAttributeNames())) {
      if (!before.containsKey(name)) {
        request.removeAttribute(name);
      }
    }
    before.forEach((name, value) -> {
      if (request.getAttribute(name) != value) {
        request.setAttribute(name, value);
      }
    });
  }
}
