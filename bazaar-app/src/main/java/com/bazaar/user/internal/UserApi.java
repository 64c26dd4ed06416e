package com.bazaar.user.internal;

import com.bazaar.platform.ratelimit.RateLimited;
import com.bazaar.platform.web.ProblemResponses;
import com.bazaar.user.AuthenticatedUser;
import com.bazaar.user.LoginThrottled;
import com.bazaar.user.RegistrationThrottle;
import com.bazaar.user.SessionLogin;
import com.bazaar.user.UserAccounts;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
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
  private final UserAccounts accounts;
  private final SessionLogin sessionLogin;
  private final RegistrationThrottle registrations;

  UserApi(UserAccounts accounts, SessionLogin sessionLogin, RegistrationThrottle registrations) {
    this.accounts = accounts;
    this.sessionLogin = sessionLogin;
    this.registrations = registrations;
  }

  @Operation(summary = "Register")
  @PostMapping("/api/users")
  ResponseEntity<UserView> register(@Valid @RequestBody Registration registration, HttpServletRequest request) {
    registrations.admit(request.getRemoteAddr());
    AuthenticatedUser user =
        accounts.register(registration.username(), registration.password(), registration.email());
    return ResponseEntity.status(HttpStatus.CREATED).body(new UserView(user.id(), user.getUsername()));
  }

  @Operation(summary = "Log in: sets the SESSION cookie")
  @PostMapping("/api/session")
  ResponseEntity<?> login(
      @Valid @RequestBody Credentials credentials,
      HttpServletRequest request,
      HttpServletResponse response) {
    // Throttling and logging happen in ThrottledLogins, shared with the login form.
    AuthenticatedUser user;
    try {
      user = sessionLogin.logIn(credentials.username(), credentials.password(), request, response);
    } catch (LoginThrottled e) {
      throw new RateLimited(e.retryAfter());
    } catch (AuthenticationException e) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .body(ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "wrong username or password"));
    }
    return ResponseEntity.ok(SessionView.of(user));
  }

  @Operation(summary = "Who is logged in")
  @GetMapping("/api/session")
  ResponseEntity<?> current(@AuthenticationPrincipal AuthenticatedUser user) {
    if (user == null) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .body(ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "log in first"));
    }
    return ResponseEntity.ok(SessionView.of(user));
  }

  @Operation(summary = "Log out")
  @DeleteMapping("/api/session")
  ResponseEntity<Void> logout(HttpServletRequest request, HttpServletResponse response) {
    new SecurityContextLogoutHandler()
        .logout(request, response, SecurityContextHolder.getContext().getAuthentication());
    return ResponseEntity.noContent().build();
  }

  record Registration(
      @NotBlank @Size(min = 3, max = 32)
          @Pattern(regexp = "[\\p{L}\\p{N}_.-]+", message = "{validation.username.characters}")
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
