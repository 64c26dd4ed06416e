package com.bazaar.user.internal;

import com.bazaar.platform.ratelimit.RateLimited;
import com.bazaar.platform.ratelimit.RateLimiter;
import com.bazaar.platform.web.ProblemResponses;
import com.bazaar.user.AuthenticatedUser;
import com.bazaar.user.SessionLogin;
import com.bazaar.user.UserAccounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Registration and the login session of the JSON API. */
@RestController
class UserApi {
  private static final Logger log = LoggerFactory.getLogger(UserApi.class);
  private final UserAccounts accounts;
  private final SessionLogin sessionLogin;
  private final RateLimiter rateLimiter;

  UserApi(UserAccounts accounts, SessionLogin sessionLogin, RateLimiter rateLimiter) {
    this.accounts = accounts;
    this.sessionLogin = sessionLogin;
    this.rateLimiter = rateLimiter;
  }

  @PostMapping("/api/users")
  ResponseEntity<UserView> register(@Valid @RequestBody Registration registration) {
    AuthenticatedUser user =
        accounts.register(registration.username(), registration.password(), registration.email());
    return ResponseEntity.status(HttpStatus.CREATED).body(new UserView(user.id(), user.getUsername()));
  }

  @PostMapping("/api/session")
  ResponseEntity<?> login(
      @Valid @RequestBody Credentials credentials,
      HttpServletRequest request,
      HttpServletResponse response) {
    // Per address against one host guessing many accounts; per username against many hosts guessing one.
    rateLimiter.tryAcquire("login", request.getRemoteAddr()).ifPresent(wait -> {
      throw new RateLimited(wait);
    });
    rateLimiter.tryAcquire("login-user", credentials.username().toLowerCase(java.util.Locale.ROOT)).ifPresent(wait -> {
      throw new RateLimited(wait);
    });
    AuthenticatedUser user;
    try {
      user = sessionLogin.logIn(credentials.username(), credentials.password(), request, response);
    } catch (AuthenticationException e) {
      log.info("login failed for {}", printable(credentials.username()));
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .body(ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "wrong username or password"));
    }
    log.info("login of {}", printable(credentials.username()));
    return ResponseEntity.ok(SessionView.of(user));
  }

  @GetMapping("/api/session")
  ResponseEntity<?> current(@AuthenticationPrincipal AuthenticatedUser user) {
    if (user == null) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .body(ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "log in first"));
    }
    return ResponseEntity.ok(SessionView.of(user));
  }

  @DeleteMapping("/api/session")
  ResponseEntity<Void> logout(HttpServletRequest request, HttpServletResponse response) {
    new SecurityContextLogoutHandler()
        .logout(request, response, SecurityContextHolder.getContext().getAuthentication());
    return ResponseEntity.noContent().build();
  }

  /** A username as typed may hold line breaks; keep it from forging log lines. */
  private static String printable(String username) {
    return username.replaceAll("\\p{Cntrl}", "?");
  }

  record Registration(
      @NotBlank @Size(min = 3, max = 32)
          @Pattern(regexp = "[\\p{L}\\p{N}_.-]+", message = "may hold letters, digits, '_', '.' and '-' only")
          String username,
      @NotNull @Size(min = 8, max = 72) String password,
      @NotBlank @Email @Size(max = 254) String email) {}

  record Credentials(@NotNull @Size(max = 64) String username, @NotNull @Size(max = 128) String password) {}

  record UserView(String id, String username) {
    UserView(long id, String username) {
      this(String.valueOf(id), username);
    }
  }

  record SessionView(String id, String username, List<String> roles) {
    static SessionView of(AuthenticatedUser user) {
      return new SessionView(String.valueOf(user.id()), user.getUsername(), user.roleNames());
    }
  }
}
