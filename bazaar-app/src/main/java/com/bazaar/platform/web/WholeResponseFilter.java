package com.bazaar.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Sends every response whole, with its Content-Length, instead of chunk by chunk as it is
 * written (a Jackson flush commits a response chunked). A node killed between two chunks
 * leaves nginx a response it has begun to pass on and cannot retry elsewhere, and the shopper
 * a cut body — ClusterIT saw {@code GET /api/session} end mid-body when it killed a node. One
 * write holds all of a response or none of it, and a GET that got none is retried by nginx on
 * another node.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3) // outside the session and security filters: their writes are held too
final class WholeResponseFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper whole = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, whole);
    whole.copyBodyToResponse();
  }
}
