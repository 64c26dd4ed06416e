package com.bazaar.storefront;

import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.ItemDetail;
import com.bazaar.catalog.ItemNotFound;
import com.bazaar.flashsale.FlashSale;
import com.bazaar.flashsale.FlashSaleDraft;
import com.bazaar.flashsale.FlashSaleProgress;
import com.bazaar.flashsale.FlashSales;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.Money;
import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.id.SaleId;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Flash sales for admins: every sale with where it stands, a form for a new one, and a page to
 * watch one while it runs (refreshing itself every few seconds). Security admits only admins to
 * {@code /admin/**}.
 */
@Controller
final class AdminFlashSalePages {
  static final int WATCH_REFRESH_SECONDS = 5;
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Map<String, String> FIELDS = Map.of(
      "price", "price", "price.currency", "price", "stock", "stock", "limitPerUser", "limitPerUser",
      "endsAt", "minutes", "startsAt", "startsAt", "itemId", "itemId");

  private final FlashSales flashSales;
  private final Catalog catalog;
  private final Clock clock;

  AdminFlashSalePages(FlashSales flashSales, Catalog catalog, Clock clock) {
    this.flashSales = flashSales;
    this.catalog = catalog;
    this.clock = clock;
  }

  @GetMapping("/admin/flash-sales")
  String sales(Model model) {
    model.addAttribute("cards", FlashSalePages.cards(flashSales.sales(), catalog, flashSales, clock.instant()));
    return "admin/flash-sales";
  }

  @GetMapping("/admin/flash-sales/new")
  String newSale(@RequestParam(required = false) Long itemId, Model model) {
    FlashSaleForm form = new FlashSaleForm();
    form.setItemId(itemId);
    form.setStartsAt(MINUTE.format(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES)));
    if (itemId != null) {
      catalog.findItem(ItemId.of(itemId)).ifPresent(item -> form.setPrice(YuanAmount.fromFen(Math.max(1, item.price().amount() / 2))));
    }
    return form(model, form);
  }

  @PostMapping("/admin/flash-sales")
  String create(
      @Valid @ModelAttribute("form") FlashSaleForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
    Optional<FlashSaleDraft> draft = draft(form, errors);
    if (draft.isEmpty()) {
      return form(model, form);
    }
    FlashSale sale;
    try {
      sale = flashSales.create(draft.get());
    } catch (InvalidInput e) {
      reject(errors, e);
      return form(model, form);
    } catch (ItemNotFound e) {
      errors.rejectValue("itemId", "admin.unknownItem", "no item with this id");
      return form(model, form);
    }
    StorefrontAdvice.flashNoticeText(redirect, "flash.admin.sale.created");
    return "redirect:/admin/flash-sales/" + sale.id();
  }

  @GetMapping("/admin/flash-sales/{id}")
  String watch(@PathVariable long id, Model model) {
    FlashSaleProgress progress = flashSales.progress(SaleId.of(id));
    FlashSale sale = progress.sale();
    Instant now = clock.instant();
    Optional<ItemDetail> item = catalog.findItem(sale.itemId());
    model.addAttribute("progress", progress);
    model.addAttribute("card", SaleCard.of(sale, item.map(ItemDetail::title).orElse("—"),
        item.map(ItemDetail::price).orElse(null), progress.remaining(), now));
    if (now.isBefore(sale.endsAt().plus(Duration.ofMinutes(1)))) {
      model.addAttribute("refreshSeconds", WATCH_REFRESH_SECONDS);
    }
    return "admin/flash-sale";
  }

  private String form(Model model, FlashSaleForm form) {
    model.addAttribute("form", form);
    if (form.getItemId() != null) {
      catalog.findItem(ItemId.of(form.getItemId())).ifPresent(item -> model.addAttribute("item", item));
    }
    return "admin/flash-sale-form";
  }

  /** The draft the form describes, or empty with the reasons recorded in {@code errors}. */
  private Optional<FlashSaleDraft> draft(FlashSaleForm form, BindingResult errors) {
    long fen = 0;
    if (!errors.hasFieldErrors("price")) {
      try {
        fen = YuanAmount.toFen(form.getPrice(), "price");
      } catch (InvalidInput e) {
        reject(errors, e);
      }
    }
    Instant startsAt = null;
    if (!errors.hasFieldErrors("startsAt")) {
      try {
        startsAt = LocalDateTime.parse(form.getStartsAt().strip().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        errors.rejectValue("startsAt", "admin.sale.startsAtFormat", "must be a UTC time like 2026-11-30 14:00");
      }
    }
    Optional<ItemDetail> item = form.getItemId() == null ? Optional.empty() : catalog.findItem(ItemId.of(form.getItemId()));
    if (form.getItemId() != null && item.isEmpty()) {
      errors.rejectValue("itemId", "admin.unknownItem", "no item with this id");
    }
    if (errors.hasErrors() || startsAt == null || item.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new FlashSaleDraft(item.get().id(), Money.of(fen, item.get().price().currency()), form.getStock(),
          startsAt, startsAt.plus(Duration.ofMinutes(form.getMinutes())), form.getLimitPerUser()));
    } catch (InvalidInput e) {
      reject(errors, e);
      return Optional.empty();
    }
  }

  private static void reject(BindingResult errors, InvalidInput e) {
    FormRefusals.reject(errors, FIELDS.get(e.field()), e);
  }
}
