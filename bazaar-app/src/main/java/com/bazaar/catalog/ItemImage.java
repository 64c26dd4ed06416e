package com.bazaar.catalog;

import java.util.HexFormat;
import java.util.Optional;

/**
 * An item's picture as stored: its bytes and media type, named by a hash of its content, so
 * its URL never changes meaning and may be cached forever.
 */
public record ItemImage(String name, String mediaType, byte[] bytes) {
  public static final int MAX_BYTES = 2 * 1024 * 1024;

  /** PNG, JPEG or WebP as their first bytes say (the file's name and declared type are not trusted). */
  public static Optional<String> sniff(byte[] bytes) {
    if (startsWith(bytes, 0, "89504e470d0a1a0a")) {
      return Optional.of("png");
    }
    if (startsWith(bytes, 0, "ffd8ff")) {
      return Optional.of("jpg");
    }
    if (startsWith(bytes, 0, "52494646") && startsWith(bytes, 8, "57454250")) { // RIFF....WEBP
      return Optional.of("webp");
    }
    return Optional.empty();
  }

  public static String mediaType(String extension) {
    return switch (extension) {
      case "png" -> "image/png";
      case "jpg" -> "image/jpeg";
      case "webp" -> "image/webp";
      case "svg" -> "image/svg+xml";
      default -> throw new IllegalArgumentException("no image type " + extension);
    };
  }

  private static boolean startsWith(byte[] bytes, int offset, String hex) {
    byte[] magic = HexFormat.of().parseHex(hex);
    if (bytes.length < offset + magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (bytes[offset + i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
