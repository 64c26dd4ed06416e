package com.bazaar.catalog.internal;

import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.ItemImage;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Item pictures at stable URLs: {@code /images/<content hash>.<ext>} for uploaded ones and
 * {@code /images/generated/<hue>-<title characters>.svg} for the drawn ones. A URL's bytes never
 * change (a new upload gets a new hash, a drawn picture is a function of its URL), so both are
 * cached for a year as {@code immutable} by browsers and by nginx (deploy/nginx).
 */
@RestController
final class CatalogImages {
  /** An uploaded picture's name: 32 hex digits of its SHA-256 and its type's extension. */
  static final Pattern NAME = Pattern.compile("[0-9a-f]{32}\\.(png|jpg|webp)");

  private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

  private final Catalog catalog;

  CatalogImages(Catalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping("/images/{name}")
  ResponseEntity<byte[]> uploaded(@PathVariable String name) {
    return catalog.image(name)
        .map(image -> ResponseEntity.ok()
            .cacheControl(FOREVER)
            .eTag(image.name())
            .contentType(MediaType.parseMediaType(image.mediaType()))
            .body(image.bytes()))
        .orElseGet(() -> ResponseEntity.<byte[]>notFound().build());
  }

  @GetMapping("/images/generated/{name}")
  ResponseEntity<String> generated(@PathVariable String name) {
    return DrawnPicture.svg(name)
        .map(svg -> ResponseEntity.ok()
            .cacheControl(FOREVER)
            .eTag(name)
            .contentType(MediaType.parseMediaType("image/svg+xml"))
            // A picture is only a picture: no scripts, even when opened on its own.
            .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
            .body(svg))
        .orElseGet(() -> ResponseEntity.<String>notFound().build());
  }
}
