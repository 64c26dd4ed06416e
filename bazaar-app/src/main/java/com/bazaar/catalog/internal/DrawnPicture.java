package com.bazaar.catalog.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The picture of an item without an uploaded one: a tile in its category's colour with the first
 * characters of its title. Drawn on request from its name alone (nothing stored, nothing to seed,
 * start-up untouched), so the name is the whole content: {@code <hue>-<UTF-8 hex of up to two
 * characters>.svg}.
 */
final class DrawnPicture {
  static final int HUES = 12;
  private static final int CHARACTERS = 2;
  private static final Pattern NAME = Pattern.compile("(\\d{1,2})-((?:[0-9a-f]{2}){1,16})\\.svg");

  private DrawnPicture() {}

  /** The path of the drawn picture for a title in a category. */
  static String path(String title, long categoryId) {
    String stripped = title.strip();
    int end = stripped.offsetByCodePoints(0, Math.min(CHARACTERS, stripped.codePointCount(0, stripped.length())));
    String hex = HexFormat.of().formatHex(stripped.substring(0, end).getBytes(StandardCharsets.UTF_8));
    return "/images/generated/" + Math.floorMod(categoryId, HUES) + "-" + hex + ".svg";
  }

  /** The SVG a name stands for, or empty for a name no title could have made. */
  static Optional<String> svg(String name) {
    Matcher m = NAME.matcher(name);
    if (!m.matches() || Integer.parseInt(m.group(1)) >= HUES) {
      return Optional.empty();
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(HexFormat.of().parseHex(m.group(2))))
          .toString();
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
    if (text.codePointCount(0, text.length()) > CHARACTERS) {
      return Optional.empty();
    }
    int hue = Integer.parseInt(m.group(1)) * (360 / HUES);
    // Every character as a numeric reference: nothing in the name can become markup.
    StringBuilder letters = new StringBuilder();
    text.codePoints().forEach(c -> letters.append("&#x").append(Integer.toHexString(c)).append(';'));
    return Optional.of("""
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300" width="400" height="300">\
        <rect width="400" height="300" fill="hsl(%d,60%%,90%%)"/>\
        <text x="200" y="150" dominant-baseline="central" text-anchor="middle" font-size="120" \
        font-family="sans-serif" fill="hsl(%d,45%%,35%%)">%s</text></svg>"""
        .formatted(hue, hue, letters));
  }
}
