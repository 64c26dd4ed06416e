package com.bazaar.platform.apidocs;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request to one operation of the document (its path variables filled in), made from the
 * request that asked for the document, to ask the access policy who may call that operation.
 * Attributes are its own, so the matchers' cached parsed paths never reach the real request.
 */
final class ProbeRequest extends HttpServletRequestWrapper {
  private final String method;
  private final String path;
  private final Map<String, Object> attributes = new HashMap<>();

  ProbeRequest(HttpServletRequest asking, String method, String pathTemplate) {
    super(asking);
    this.method = method;
    this.path = pathTemplate.replaceAll("\\{[^}]*}", "1");
  }

  @Override
  public String getMethod() {
    return method;
  }

  @Override
  public String getRequestURI() {
    return path;
  }

  @Override
  public StringBuffer getRequestURL() {
    return new StringBuffer(path);
  }

  @Override
  public String getContextPath() {
    return "";
  }

  @Override
  public String getServletPath() {
    return path;
  }

  @Override
  public @Nullable String getPathInfo() {
    return null;
  }

  @Override
  public @Nullable String getQueryString() {
    return null;
  }

  @Override
  public DispatcherType getDispatcherType() {
    return DispatcherType.REQUEST;
  }

  @Override
  public @Nullable Object getAttribute(String name) {
    return attributes.get(name);
  }

  @Override
  public Enumeration<String> getAttributeNames() {
    return Collections.enumeration(attributes.keySet());
  }

  @Override
  public void setAttribute(String name, Object value) {
    attributes.put(name, value);
  }

  @Override
  public void removeAttribute(String name) {
    attributes.remove(name);
  }
}
