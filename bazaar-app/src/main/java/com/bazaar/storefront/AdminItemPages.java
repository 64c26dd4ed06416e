package com.bazaar.storefront;

import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.ItemDetail;
import com.bazaar.catalog.ItemDraft;
import com.bazaar.platform.Conflict;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.Money;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.CategoryId;
import com.bazaar.platform.id.ItemId;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Catalog administration pages; security admits only admins to {@code /admin/**}. */
@Controller
final class AdminItemPages {
  private static final int PAGE_SIZE = 50;
  private static final Set<String> FIELDS = Set.of("title", "description", "price", "stock", "categoryId");

  private final Catalog catalog;
  private final String currency;

  AdminItemPages(Catalog catalog, @Value("${bazaar.currency:CNY}") String currency) {
    this.catalog = catalog;
    this.currency = currency;
  }

  @GetMapping("/admin/items")
  String items(@RequestParam(defaultValue = "0") int page, Model model) {
    model.addAttribute("items", catalog.items(Optional.empty(), new PageSpec(page, PAGE_SIZE)));
    model.addAttribute("categoryNames", categoryNames());
    return "admin/items";
  }

  @GetMapping("/admin/items/new")
  String newItem(Model model) {
    return form(model, new ItemForm(), null);
  }

  @PostMapping("/admin/items")
  String create(
      @Valid @ModelAttribute("form") ItemForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
    Optional<ItemDraft> draft = draft(form, errors);
    if (draft.isEmpty()) {
      return form(model, form, null);
    }
    try {
      ItemDetail item = catalog.create(draft.get());
      StorefrontAdvice.flashNoticeText(redirect, "flash.admin.item.created", item.title());
    } catch (InvalidInput e) {
      reject(errors, e);
      return form(model, form, null);
    }
    return "redirect:/admin/items";
  }

  @GetMapping("/admin/items/{id}/edit")
  String edit(@PathVariable long id, Model model) {
    ItemDetail item = catalog.item(ItemId.of(id));
    model.addAttribute("imageUrl", item.imageUrl());
    return form(model, ItemForm.of(item), id);
  }

  /**
   * A new picture for the item (multipart part {@code image}); the catalog checks its type by
   * its content and its size. Too large for the multipart limit, the request ends in the 413
   * error page before it gets here.
   */
  @PostMapping("/admin/items/{id}/image")
  String attachImage(@PathVariable long id, @RequestParam("image") MultipartFile image, RedirectAttributes redirect)
      throws IOException {
    try {
      ItemDetail item = catalog.attachImage(ItemId.of(id), image.getBytes());
      StorefrontAdvice.flashNoticeText(redirect, "flash.admin.item.picture", item.title());
    } catch (InvalidInput e) {
      StorefrontAdvice.flashErrorText(redirect, "flash.admin.item.pictureRefused", e);
    }
    return "redirect:/admin/items/" + id + "/edit";
  }

  @PostMapping("/admin/items/{id}")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute("form") ItemForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    Optional<ItemDraft> draft = draft(form, errors);
    if (draft.isEmpty()) {
      return form(model, form, id);
    }
    try {
      ItemDetail item = catalog.update(ItemId.of(id), draft.get());
      StorefrontAdvice.flashNoticeText(redirect, "flash.admin.item.saved", item.title());
    } catch (InvalidInput e) {
      reject(errors, e);
      return form(model, form, id);
    }
    return "redirect:/admin/items";
  }

  @PostMapping("/admin/items/{id}/stock")
  String addStock(@PathVariable long id, @RequestParam long delta, RedirectAttributes redirect) {
    try {
      ItemDetail item = catalog.adjustStock(ItemId.of(id), delta);
      StorefrontAdvice.flashNoticeText(redirect, "flash.admin.item.stock", item.title(), item.stock());
    } catch (Conflict | InvalidInput e) {
      StorefrontAdvice.flashErrorText(redirect, "flash.admin.item.stockNotChanged", e);
    }
    return "redirect:/admin/items";
  }

  private String form(Model model, ItemForm form, @Nullable Long itemId) {
    model.addAttribute("form", form);
    model.addAttribute("itemId", itemId);
    model.addAttribute("allCategories", catalog.categories());
    return "admin/item-form";
  }

  /** The draft the form describes, or empty with the reasons recorded in {@code errors}. */
  private Optional<ItemDraft> draft(ItemForm form, BindingResult errors) {
    long fen = 0;
    if (!errors.hasFieldErrors("price")) {
      try {
        fen = YuanAmount.toFen(form.getPrice(), "price");
      } catch (InvalidInput e) {
        reject(errors, e);
      }
    }
    Long categoryId = form.getCategoryId();
    if (categoryId != null && !categoryNames().containsKey(CategoryId.of(categoryId))) {
      errors.rejectValue("categoryId", "admin.item.chooseCategory", "choose a category");
    }
    if (errors.hasErrors() || categoryId == null) { // no category is an error already (@NotNull)
      return Optional.empty();
    }
    return Optional.of(
        new ItemDraft(
            form.getTitle().strip(),
            form.getDescription(),
            Money.of(fen, currency),
            form.getStock(),
            CategoryId.of(categoryId)));
  }

  private Map<CategoryId, String> categoryNames() {
    Map<CategoryId, String> names = new LinkedHashMap<>();
    catalog.categories().forEach(c -> names.put(c.id(), c.name()));
    return names;
  }

  private static void reject(BindingResult errors, InvalidInput e) {
    FormRefusals.reject(errors, FIELDS.contains(e.field()) ? e.field() : null, e);
  }
}
