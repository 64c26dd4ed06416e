package com.bazaar.storefront;

import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.ratelimit.RateLimited;
import com.bazaar.user.AuthenticatedUser;
import com.bazaar.user.LoginThrottled;
import com.bazaar.user.RegistrationThrottle;
import com.bazaar.user.SessionLogin;
import com.bazaar.user.UserAccounts;
import com.bazaar.user.UsernameTaken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The login form (Spring Security processes its POST) and sign-up, which logs the new
 * shopper straight in the same way the session API does: a fresh session id, the security
 * context saved to the session.
 */
@Controller
final class AccountPages {
  private static final Set<String> FIELDS = Set.of("username", "password", "email");
  private final UserAccounts accounts;
  private final SessionLogin sessionLogin;
  private final RegistrationThrottle registrations;

  AccountPages(UserAccounts accounts, SessionLogin sessionLogin, RegistrationThrottle registrations) {
    this.accounts = accounts;
    this.sessionLogin = sessionLogin;
    this.registrations = registrations;
  }

  @GetMapping("/login")
  String login(@AuthenticationPrincipal AuthenticatedUser user) {
    return user == null ? "login" : "redirect:/";
  }

  @GetMapping("/register")
  String registrationForm(
      @AuthenticationPrincipal AuthenticatedUser user, @ModelAttribute("form") RegistrationForm form) {
    return user == null ? "register" : "redirect:/";
  }

  @PostMapping("/register")
  String register(
      @Valid @ModelAttribute("form") RegistrationForm form,
      BindingResult errors,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (errors.hasErrors()) {
      return "register";
    }
    try {
      registrations.admit(request.getRemoteAddr());
      accounts.register(form.getUsername(), form.getPassword(), form.getEmail());
    } catch (RateLimited e) {
      long seconds = Math.max(1, e.retryAfter().toSeconds());
      errors.reject("register.throttled", new Object[] {String.valueOf(seconds)},
          "Too many sign-ups from your address; try again in " + seconds + " s.");
      return "register";
    } catch (UsernameTaken e) {
      errors.rejectValue("username", "register.taken", "is already taken; choose another");
      return "register";
    } catch (InvalidInput e) {
      FormRefusals.reject(errors, FIELDS.contains(e.field()) ? e.field() : null, e);
      return "register";
    }
    try {
      sessionLogin.logIn(form.getUsername(), form.getPassword(), request, response);
    } catch (LoginThrottled e) {
      return "redirect:/login?throttled=" + e.retryAfterSeconds(); // registered; the login may follow later
    }
    return "redirect:/";
  }

}
