package com.bazaar.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;

/**
 * The security headers of every answer of the shop: Spring Security's defaults and the shop's
 * content security policy. The security filter chains write them; an answer given at the door,
 * before those chains run ({@code flashsale.internal.SoldOutGate}), writes the same through
 * {@link #write}.
 */
public final class SecurityHeaders {
  /**
   * The shop's pages load only their own stylesheet and their own script files (no inline code,
   * no handlers: the order page's countdown is a file under /js; Swagger UI's files are this
   * origin's too), so everything but same-origin styles, scripts and images is closed; an injected
   * script or style would not run even if escaping ever failed.
   */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; "
      + "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  /** In the order Spring Security's {@code HeadersConfigurer} writes its defaults, then the policy. */
  private static final List<HeaderWriter> WRITERS = List.of(
      new XContentTypeOptionsHeaderWriter(),
      new XXssProtectionHeaderWriter(),
      new CacheControlHeadersWriter(),
      new HstsHeaderWriter(),
      new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY),
      new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY));

  private SecurityHeaders() {}

  public static void write(HttpServletRequest request, HttpServletResponse response) {
    for (HeaderWriter writer : WRITERS) {
      writer.writeHeaders(request, response);
    }
  }
}
