package com.bazaar.storefront;

import com.bazaar.platform.InvalidInput;
import com.bazaar.user.AuthenticatedUser;
import com.bazaar.user.UserAccounts;
import com.bazaar.user.UsernameTaken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Set;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
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
  private final AuthenticationManager authenticationManager;
  private final SecurityContextRepository contextRepository;

  AccountPages(
      UserAccounts accounts,
      AuthenticationManager authenticationManager,
      SecurityContextRepository contextRepository) {
    this.accounts = accounts;
    this.authenticationManager = authenticationManager;
    this.contextRepository = contextRepository;
  }

  @GetMapping("/login")
  String login(@AuthenticationPrincipal AuthenticatedUser user) {
    return user == null ? "login" : "redirect:/";
  }

  @GetMapping("/register")
  String registrationForm(@ModelAttribute("form") RegistrationForm form) {
    return "register";
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
      accounts.register(form.getUsername(), form.getPassword(), form.getEmail());
    } catch (UsernameTaken e) {
      errors.rejectValue("username", "taken", "is already taken; choose another");
      return "register";
    } catch (InvalidInput e) {
      if (FIELDS.contains(e.field())) {
        errors.rejectValue(e.field(), "invalid", e.getMessage());
      } else {
        errors.reject("invalid", e.field() + " " + e.getMessage());
      }
      return "register";
    }
    logIn(form.getUsername(), form.getPassword(), request, response);
    return "redirect:/";
  }

  private void logIn(String username, String password, HttpServletRequest request, HttpServletResponse response) {
    Authentication authentication =
        authenticationManager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    // A new session id at login defeats session fixation.
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    contextRepository.saveContext(context, request, response);
  }
}
