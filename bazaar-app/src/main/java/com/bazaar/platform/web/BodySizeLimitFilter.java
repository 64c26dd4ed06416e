package com.bazaar.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code bazaar.max-body-bytes} with 413: at once when the
 * declared length is too big, and while reading when a chunked body runs over. Multipart
 * uploads (item pictures) may be up to {@code bazaar.max-upload-bytes}; Tomcat reads those
 * itself, bounded by {@code spring.servlet.multipart.max-request-size}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
final class BodySizeLimitFilter extends OncePerRequestFilter {
  private final long maxBodyBytes;
  private final long maxUploadBytes;

  BodySizeLimitFilter(
      @Value("${bazaar.max-body-bytes}") long maxBodyBytes,
      @Value("${bazaar.max-upload-bytes}") long maxUploadBytes) {
    this.maxBodyBytes = maxBodyBytes;
    this.maxUploadBytes = maxUploadBytes;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String contentType = request.getContentType();
    boolean upload = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
    long maxBytes = upload ? maxUploadBytes : maxBodyBytes;
    if (request.getContentLengthLong() > maxBytes) {
      ProblemResponses.write(response, HttpStatus.PAYLOAD_TOO_LARGE, upload
          ? "upload size exceeds " + maxBytes + " bytes (a picture may be at most 2 MB)"
          : "request body exceeds " + maxBytes + " bytes");
      return;
    }
    chain.doFilter(new LimitedRequest(request, maxBytes), response);
  }

  /** Thrown mid-read when a body without a declared length runs over the limit. */
  static final class BodyTooLarge extends IOException {
    BodyTooLarge(long maxBytes) {
      super("request body exceeds " + maxBytes + " bytes");
    }
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long maxBytes;
    private @Nullable ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedStream(super.getInputStream(), maxBytes);
      }
      return stream;
    }
  }

  private static final class LimitedStream extends ServletInputStream {
    private final ServletInputStream delegate;
    private final long maxBytes;
    private long read;

    LimitedStream(ServletInputStream delegate, long maxBytes) {
      this.delegate = delegate;
      this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
      int b = delegate.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = delegate.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws BodyTooLarge {
      read += n;
      if (read > maxBytes) {
        throw new BodyTooLarge(maxBytes);
      }
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }
  }
}
