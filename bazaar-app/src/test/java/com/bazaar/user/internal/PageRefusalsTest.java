package com.bazaar.user.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.InvalidCsrfTokenException;

/** Where a refused page sends the shopper, and that the way back after login never leads off the site. */
class PageRefusalsTest {

  @Test
  void aFormPostedWithoutASessionGoesToLoginWithTheWayBackToTheFormsPage() throws Exception {
    MockHttpServletRequest post = new MockHttpServletRequest("POST", "/cart/items");
    post.setServerName("shop.example");
    post.addHeader("Referer", "http://shop.example/items/42?from=search");
    post.setRequestedSessionId("gone");
    post.setRequestedSessionIdValid(false);
    MockHttpServletResponse response = new MockHttpServletResponse();

    PageRefusals.logInFirst(post, response, null);

    assertThat(response.getRedirectedUrl()).isEqualTo("/login?expired&continue=%2Fitems%2F42%3Ffrom%3Dsearch");
  }

  @Test
  void aPageGetNeedsNoWayBackParameterAndAFreshVisitorIsNotToldOfAnExpiredSession() throws Exception {
    MockHttpServletRequest get = new MockHttpServletRequest("GET", "/cart");
    MockHttpServletResponse response = new MockHttpServletResponse();

    PageRefusals.logInFirst(get, response, null);

    assertThat(response.getRedirectedUrl()).isEqualTo("/login");
  }

  @Test
  void aStaleCsrfTokenOfSomeoneLoggedOutIsTheExpiredSessionAgain() throws Exception {
    MockHttpServletRequest post = new MockHttpServletRequest("POST", "/checkout");
    post.addHeader("Referer", "http://localhost/cart");
    MockHttpServletResponse response = new MockHttpServletResponse();

    PageRefusals.refused(post, response,
        new InvalidCsrfTokenException(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "a"), "b"));

    assertThat(response.getRedirectedUrl()).isEqualTo("/login?continue=%2Fcart");
  }

  @Test
  void anyOtherRefusalIsTheShops403Page() throws Exception {
    MockHttpServletRequest get = new MockHttpServletRequest("GET", "/admin/items");
    MockHttpServletResponse response = new MockHttpServletResponse();

    PageRefusals.refused(get, response, new AccessDeniedException("no"));

    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.getRedirectedUrl()).isNull();
  }

  @Test
  void onlyPathsOfThisSiteAreWaysBack() {
    assertThat(PageRefusals.isLocalPath("/items/1?q=a")).isTrue();
    for (String elsewhere : new String[] {"https://evil.example/", "//evil.example/x", "/\\evil.example", "evil",
        "/items\n/1", "/ x", "", null}) {
      assertThat(PageRefusals.isLocalPath(elsewhere)).as(String.valueOf(elsewhere)).isFalse();
    }
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setServerName("shop.example");
    assertThat(PageRefusals.localPath("https://evil.example/items/1", request)).isEmpty();
    assertThat(PageRefusals.localPath("http://shop.example/login?error", request)).as("never back to login").isEmpty();
    assertThat(PageRefusals.localPath("http://shop.example/cart", request)).contains("/cart");
  }

  @Test
  void afterLoginAContinueOffTheSiteGoesHome() throws Exception {
    var handler = PageRefusals.backToThePage(SecurityConfiguration.pageRequestCache());
    for (String[] target : new String[][] {{"https://evil.example/", "/"}, {"//evil.example", "/"},
        {"/items/7", "/items/7"}}) {
      MockHttpServletRequest login = new MockHttpServletRequest("POST", "/login");
      login.setParameter("continue", target[0]);
      MockHttpServletResponse response = new MockHttpServletResponse();

      handler.onAuthenticationSuccess(login, response, null);

      assertThat(response.getRedirectedUrl()).as(target[0]).isEqualTo(target[1]);
    }
  }
}
