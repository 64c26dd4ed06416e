package com.bazaar.bench;

import java.util.List;

/** Prints an audit's findings, the first twenty of them. */
final class Problems {

  private static final int SHOWN = 20;

  private Problems() {}

  static void describe(List<String> problems, StringBuilder sb) {
    int shown = 0;
    for (String p : problems) {
      if (shown++ == SHOWN) {
        sb.append("  ... ").append(problems.size() - SHOWN).append(" more\n");
        break;
      }
      sb.append("  ! ").append(p).append('\n');
    }
  }
}
