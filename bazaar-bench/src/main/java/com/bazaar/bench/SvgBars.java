package com.bazaar.bench;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as inline SVG, drawn here so the reports stay one static file each:
 * no script, nothing fetched, readable in any browser and in a mail.
 */
final class SvgBars {

  /** One bar; a muted one (grey) is the baseline the others are read against. */
  record Bar(String label, double value, boolean muted) {}

  private static final int ROW = 26;
  private static final int LABEL = 240;
  private static final int WIDTH = 760;

  private SvgBars() {}

  static String svg(List<Bar> bars) {
    int height = ROW * bars.size() + 10;
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-size=\"12\">", WIDTH, height));
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double len = max <= 0 || !(b.value() > 0) ? 0 : (WIDTH - LABEL - 80) * b.value() / max;
      int y = 5 + i * ROW;
      s.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\">%s</text>", y + 16, HtmlReport.esc(b.label())));
      s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>",
          LABEL, y + 2, len, b.muted() ? "#999" : "#1f6feb"));
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", LABEL + len + 6, y + 16, Evolution.fmt(b.value())));
    }
    return s.append("</svg>\n").toString();
  }
}
