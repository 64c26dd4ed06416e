package com.bazaar.storefront;

import com.bazaar.platform.observability.OperationsFigures;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The operations page (stage 15): live figures of the shop and the invariants of its tables,
 * for admins; security admits only admins to {@code /admin/**}. The page reloads itself (a
 * meta refresh: the Content-Security-Policy allows no script).
 */
@Controller
final class OperationsPages {
  static final int REFRESH_SECONDS = 15;

  private final OperationsFigures figures;
  private final ShopInvariants invariants;

  OperationsPages(OperationsFigures figures, ShopInvariants invariants) {
    this.figures = figures;
    this.invariants = invariants;
  }

  @GetMapping("/admin/operations")
  String operations(Model model) {
    model.addAttribute("snapshot", figures.snapshot());
    model.addAttribute("invariants", invariants.check());
    model.addAttribute("refreshSeconds", REFRESH_SECONDS);
    return "admin/operations";
  }
}
