package com.bazaar.search.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A benchmark, not a test (surefire runs only *Test): the index alone, without HTTP or the
 * catalog, on generated items in the demo catalog's style (brand, adjective, noun, variant in
 * Chinese or English). Prints p50/p99 of {@code search} plus highlighting one page of 20 titles,
 * for two-word shopper queries, one at a time. See docs/benchmarks.md for how to run it.
 *
 * <p>Arguments: item count (default 100000), rounds over the query list (default 200).
 */
final class SearchLatencyBenchmark {
  private static final List<String> QUERIES = List.of("华为 手机", "华为手机", "无线 耳机", "蓝牙耳机 降噪",
      "huawei phone", "wireless earbuds", "phone 华为", "笔记本电脑 轻薄", "running shoes", "牛奶 有机",
      "智能 手表", "huawei headph");
  private static final String[][] ZH = {
      {"华为", "小米", "苹果", "联想", "耐克", "伊利", "海尔", "李宁"},
      {"智能", "无线", "轻薄", "降噪", "有机", "纯棉", "透气", "节能"},
      {"手机", "耳机", "蓝牙耳机", "智能手表", "笔记本电脑", "跑步鞋", "牛奶", "冰箱", "T恤"},
      {"Pro 256GB", "5G", "2024款", "男款", "250ml×12盒", "一级能效"}};
  private static final String[][] EN = {
      {"Huawei", "Xiaomi", "Apple", "Lenovo", "Nike", "Yili", "Haier", "Li-Ning"},
      {"wireless", "smart", "slim", "noise-cancelling", "organic", "cotton", "breathable", "quiet"},
      {"phone", "earbuds", "headphones", "smartwatch", "laptop", "running shoes", "milk", "refrigerator", "t-shirt"}};

  public static void main(String[] args) throws Exception {
    int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    try (LuceneItemIndex index = LuceneItemIndex.inMemory()) {
      long started = System.nanoTime();
      Random random = new Random(20_240_611L);
      index.rebuild(sink -> {
        for (long id = 1; id <= items; id++) {
          sink.accept(item(random, id));
        }
      });
      System.out.printf("indexed %d items in %d ms%n", items, (System.nanoTime() - started) / 1_000_000);
      for (String query : QUERIES) {
        System.out.printf("'%s' finds %d%n", query, index.search(query, 0, 20).total());
      }
      measure(index, 50); // warm-up: JIT
      long[] micros = measure(index, rounds);
      Arrays.sort(micros);
      System.out.printf("items=%d searches=%d p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms%n", items, micros.length,
          at(micros, 0.50), at(micros, 0.90), at(micros, 0.99), micros[micros.length - 1] / 1000.0);
    }
  }

  private static long[] measure(LuceneItemIndex index, int rounds) {
    long[] micros = new long[rounds * QUERIES.size()];
    int n = 0;
    for (int round = 0; round < rounds; round++) {
      for (String query : QUERIES) {
        long started = System.nanoTime();
        var hits = index.search(query, 0, 20);
        hits.ids().forEach(id -> hits.highlight("华为 智能 手机 Pro 256GB " + id));
        micros[n++] = (System.nanoTime() - started) / 1000;
      }
    }
    return micros;
  }

  private static double at(long[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1000.0;
  }

  private static IndexedItem item(Random random, long id) {
    if (random.nextInt(10) < 6) {
      String brand = pick(random, ZH[0]);
      String adjective = pick(random, ZH[1]);
      String noun = pick(random, ZH[2]);
      String variant = pick(random, ZH[3]);
      return new IndexedItem(id, brand + " " + adjective + " " + noun + " " + variant,
          brand + adjective + noun + "（" + variant + "），正品保证，顺丰包邮。", 1 + random.nextInt(12));
    }
    String brand = pick(random, EN[0]);
    String adjective = pick(random, EN[1]);
    String noun = pick(random, EN[2]);
    return new IndexedItem(id, brand + " " + adjective + " " + noun,
        adjective + " " + noun + " from " + brand + ". Genuine product. Free shipping.", 1 + random.nextInt(12));
  }

  private static String pick(Random random, String[] words) {
    return words[random.nextInt(words.length)];
  }
}
