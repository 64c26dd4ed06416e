package com.bazaar.storefront;

import com.bazaar.platform.Conflict;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.UserId;
import com.bazaar.user.AuthenticatedUser;
import com.bazaar.user.Role;
import com.bazaar.user.UserAdministration;
import com.bazaar.user.UserSummary;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Accounts for admins: find one by name, disable or enable it, make it an admin or a shopper.
 * A disabled account cannot log in and its sessions end at their next request; a changed role
 * ends them too, so the new role holds from the next login (UserAdministration). Security admits
 * only admins to {@code /admin/**}.
 */
@Controller
final class AdminUserPages {
  private static final int PAGE_SIZE = 50;

  private final UserAdministration users;

  AdminUserPages(UserAdministration users) {
    this.users = users;
  }

  @GetMapping("/admin/users")
  String users(@RequestParam(name = "q", defaultValue = "") String query, @RequestParam(defaultValue = "0") int page,
      Model model) {
    String q = query.strip();
    model.addAttribute("q", q);
    model.addAttribute("users", users.users(q.isEmpty() ? Optional.empty() : Optional.of(q), new PageSpec(page, PAGE_SIZE)));
    model.addAttribute("pagePath", "/admin/users");
    return "admin/users";
  }

  @PostMapping("/admin/users/{id}/enabled")
  String setEnabled(
      @AuthenticationPrincipal AuthenticatedUser admin,
      @PathVariable long id,
      @RequestParam boolean enabled,
      @RequestParam(name = "q", defaultValue = "") String query,
      RedirectAttributes redirect) {
    try {
      UserSummary user = users.setEnabled(admin.userId(), UserId.of(id), enabled);
      StorefrontAdvice.flashNoticeText(redirect, enabled ? "flash.admin.user.enabled" : "flash.admin.user.disabled",
          user.username());
    } catch (Conflict e) {
      StorefrontAdvice.flashErrorText(redirect, "flash.refused", e);
    }
    return back(query);
  }

  @PostMapping("/admin/users/{id}/role")
  String setRole(
      @AuthenticationPrincipal AuthenticatedUser admin,
      @PathVariable long id,
      @RequestParam Role role,
      @RequestParam(name = "q", defaultValue = "") String query,
      RedirectAttributes redirect) {
    try {
      UserSummary user = users.setRoles(admin.userId(), UserId.of(id), Set.of(role));
      StorefrontAdvice.flashNoticeText(redirect, user.isAdmin() ? "flash.admin.user.admin" : "flash.admin.user.shopper",
          user.username());
    } catch (Conflict e) {
      StorefrontAdvice.flashErrorText(redirect, "flash.refused", e);
    }
    return back(query);
  }

  private static String back(String query) {
    return "redirect:/admin/users" + (query.isBlank() ? "" : "?q=" + URLEncoder.encode(query.strip(), StandardCharsets.UTF_8));
  }
}
