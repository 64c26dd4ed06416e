package com.bazaar.storefront;

import com.bazaar.platform.observability.OperationsFigures;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The operations page (stage 15): live figures of the shop for admins; security admits only admins to {@code /admin/**}. */
@Controller
final class OperationsPages {
  private final OperationsFigures figures;

  OperationsPages(OperationsFigures figures) {
    this.figures = figures;
  }

  @GetMapping("/admin/operations")
  String operations(Model model) {
    model.addAttribute("snapshot", figures.snapshot());
    return "admin/operations";
  }
}
