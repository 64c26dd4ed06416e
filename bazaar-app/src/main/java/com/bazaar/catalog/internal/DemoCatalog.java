package com.bazaar.catalog.internal;

import com.bazaar.catalog.Category;
import com.bazaar.inventory.AlreadyStocked;
import com.bazaar.inventory.Inventory;
import com.bazaar.platform.Money;
import com.bazaar.platform.data.DataLayout;
import com.bazaar.platform.data.DomainDatabase;
import com.bazaar.platform.id.IdGenerator;
import com.bazaar.platform.id.CategoryId;
import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.services.ConditionalOnDeploymentRole;
import com.bazaar.platform.services.Deployment.Role;
import com.bazaar.platform.services.ServiceUnavailable;
import com.bazaar.platform.time.UtcColumns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo catalog of the embedded default: a dozen departments and {@code bazaar.demo.items}
 * items with Chinese and English titles, generated from word lists by a seeded random so
 * every run builds the same catalog. Written once, into an empty items table, in one
 * catalog transaction with JDBC batches (the stock in the same one unless the catalog has its
 * own database). It publishes no item events: the search index is rebuilt
 * from the catalog at startup anyway.
 *
 * <p>In the catalog role of the services deployment the stock is the web role's: the seed's
 * transaction waits for it to answer (up to {@code bazaar.demo.stock-wait}), so on a first start
 * the catalog role becomes ready after a web instance has (docs/services.md, Stock).
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "bazaar.demo.enabled", havingValue = "true")
@ConditionalOnDeploymentRole({Role.ALL, Role.CATALOG}) // the catalog's tables are the catalog role's alone
class DemoCatalog implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);
  private static final long SEED = 20_240_611L;
  private static final Duration MAX_PAUSE = Duration.ofSeconds(8);

  private final Items items;
  private final Categories categories;
  private final Inventory inventory;
  private final CatalogCache cache;
  private final IdGenerator ids;
  private final DomainDatabase catalog;
  private final Clock clock;
  private final String currency;
  private final int itemCount;
  private final Duration stockWait;

  DemoCatalog(
      Items items,
      Categories categories,
      Inventory inventory,
      CatalogCache cache,
      IdGenerator ids,
      DataLayout layout,
      Clock clock,
      @Value("${bazaar.currency}") String currency,
      @Value("${bazaar.demo.items:1000}") int itemCount,
      @Value("${bazaar.demo.stock-wait:3m}") Duration stockWait) {
    this.items = items;
    this.categories = categories;
    this.inventory = inventory;
    this.cache = cache;
    this.ids = ids;
    this.catalog = layout.of("catalog");
    this.clock = clock;
    this.currency = currency;
    this.itemCount = itemCount;
    this.stockWait = stockWait;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!items.isEmpty()) {
      return;
    }
    log.info("seeding demo catalog: {} items in {} categories", itemCount, Department.ALL.size());
    long started = System.nanoTime();
    catalog.inTransaction(() -> {
      seed();
      return null;
    });
    cache.evictCategoriesAndListings();
    log.info("demo catalog seeded in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * Records the stock, waiting for a remote inventory to answer (a local one always does). A
   * call whose answer was lost (a timeout: the web role's first batch of a thousand rows, cold,
   * can outlast the read timeout) may have been applied, so before it is sent again a read asks
   * whether those items are stocked: the same ids, never a second set of rows.
   */
  private void stockOnceTheInventoryAnswers(Map<ItemId, Long> stock) {
    long giveUpAt = System.nanoTime() + stockWait.toNanos();
    Duration pause = Duration.ofSeconds(1);
    while (true) {
      try {
        inventory.stockNewItems(stock);
        return;
      } catch (AlreadyStocked applied) {
        return; // a call sent again after its lost answer had been applied: these ids are this seed's alone
      } catch (ServiceUnavailable down) {
        if (stocked(stock.keySet())) {
          return;
        }
        if (System.nanoTime() + pause.toNanos() > giveUpAt) {
          throw new IllegalStateException("the demo catalog's stock could not be recorded within bazaar.demo.stock-wait ("
              + stockWait + "): the inventory's service does not answer", down);
        }
        log.info("the inventory's service does not answer yet: recording the demo catalog's stock again in {} s",
            pause.toSeconds());
        sleep(pause);
        pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
      }
    }
  }

  private boolean stocked(Collection<ItemId> itemIds) {
    try {
      return inventory.available(itemIds).keySet().containsAll(itemIds);
    } catch (ServiceUnavailable stillDown) {
      return false;
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the inventory's service", e);
    }
  }

  private void seed() {
    Map<String, CategoryId> categoryIds = ensureCategories();
    Random random = new Random(SEED);
    Instant now = UtcColumns.now(clock);
    List<Items.Row> rows = new ArrayList<>(itemCount);
    Map<ItemId, Long> stock = new LinkedHashMap<>();
    for (int i = 0; i < itemCount; i++) {
      Department department = Department.ALL.get(random.nextInt(Department.ALL.size()));
      // ensureCategories made one for every department
      long categoryId = Objects.requireNonNull(categoryIds.get(department.name()), department.name()).value();
      Items.Row row = department.item(random, ids.nextId(), categoryId, currency, now);
      rows.add(row);
      stock.put(ItemId.of(row.id()), (long) random.nextInt(501));
    }
    // Stock first: with the catalog in its own database it commits on its own, before the
    // items; a crash in between leaves stock rows of items that never appeared (nothing can
    // order them) and the next start seeds again with new ids.
    stockOnceTheInventoryAnswers(stock);
    items.insertAll(rows);
  }

  /** Reuses categories of the same name, so a half-set-up database is completed, not doubled. */
  private Map<String, CategoryId> ensureCategories() {
    Map<String, CategoryId> existing =
        categories.all().stream().collect(Collectors.toMap(Category::name, Category::id, (a, b) -> a));
    int order = 0;
    for (Department department : Department.ALL) {
      order++;
      if (!existing.containsKey(department.name())) {
        Category category = new Category(CategoryId.of(ids.nextId()), department.name(), null);
        categories.insert(category, order);
        existing.put(category.name(), category.id());
      }
    }
    return existing;
  }

  /** A department's vocabulary: what its items are called, in Chinese and in English. */
  private record Department(
      String name,
      List<String> brandsZh,
      List<String> brandsEn,
      List<String> adjectivesZh,
      List<String> nounsZh,
      List<String> adjectivesEn,
      List<String> nounsEn,
      List<String> variants,
      int minYuan,
      int maxYuan) {

    /** A price range from 1 yuan up: its width (maxYuan - minYuan + 1) then fits an int. */
    Department {
      if (minYuan < 1 || maxYuan < minYuan) {
        throw new IllegalArgumentException(name + ": prices from " + minYuan + " to " + maxYuan + " yuan");
      }
    }

    static final List<String> PROMISES_ZH =
        List.of("正品保证", "顺丰包邮", "七天无理由退换", "官方旗舰店发货", "限时优惠", "好评如潮");
    static final List<String> PROMISES_EN =
        List.of("Genuine product.", "Free shipping.", "7-day returns.", "Ships from the official store.",
            "Limited-time offer.", "Loved by thousands of buyers.");

    Items.Row item(Random random, long id, long categoryId, String currency, Instant now) {
      boolean chinese = random.nextInt(10) < 6;
      String title;
      String description;
      if (chinese) {
        String brand = pick(random, brandsZh);
        String adjective = pick(random, adjectivesZh);
        String noun = pick(random, nounsZh);
        String variant = pick(random, variants);
        title = brand + " " + adjective + " " + noun + " " + variant;
        description = brand + adjective + noun + "（" + variant + "），" + pick(random, PROMISES_ZH) + "，"
            + pick(random, PROMISES_ZH) + "。";
      } else {
        String brand = pick(random, brandsEn);
        String adjective = pick(random, adjectivesEn);
        String noun = pick(random, nounsEn);
        title = random.nextBoolean()
            ? brand + " " + adjective + " " + noun
            : capitalized(noun) + " " + adjective + " by " + brand;
        description = capitalized(adjective) + " " + noun + " from " + brand + ". " + pick(random, PROMISES_EN)
            + " " + pick(random, PROMISES_EN);
      }
      // In long from the start: a fen price is yuan * 100, past an int from 21,474,837 yuan.
      long yuan = (long) minYuan + random.nextInt(maxYuan - minYuan + 1);
      long fen = yuan * 100 + (random.nextBoolean() ? 0 : 90);
      return new Items.Row(id, title, description, Money.of(fen, currency), categoryId, now);
    }

    private static String pick(Random random, List<String> words) {
      return words.get(random.nextInt(words.size()));
    }

    private static String capitalized(String word) {
      return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    static final List<Department> ALL =
        List.of(
            new Department("手机数码 Phones",
                List.of("华为", "小米", "苹果", "荣耀", "OPPO", "vivo", "三星"),
                List.of("Huawei", "Xiaomi", "Apple", "Honor", "Samsung", "Sony"),
                List.of("智能", "无线", "轻薄", "旗舰", "降噪", "快充"),
                List.of("手机", "耳机", "蓝牙耳机", "智能手表", "充电宝", "平板电脑"),
                List.of("wireless", "smart", "slim", "noise-cancelling", "fast-charging"),
                List.of("phone", "earbuds", "smartwatch", "power bank", "tablet", "headphones"),
                List.of("Pro 256GB", "Max 512GB", "Lite 128GB", "5G", "2024款"), 99, 8999),
            new Department("电脑办公 Computers",
                List.of("联想", "戴尔", "华硕", "苹果", "惠普", "罗技"),
                List.of("Lenovo", "Dell", "Asus", "Apple", "HP", "Logitech"),
                List.of("轻薄", "高性能", "游戏", "办公", "便携"),
                List.of("笔记本电脑", "显示器", "机械键盘", "鼠标", "打印机", "台式机"),
                List.of("lightweight", "gaming", "ergonomic", "portable", "high-performance"),
                List.of("laptop", "monitor", "mechanical keyboard", "mouse", "printer", "desktop computer"),
                List.of("16GB 512GB", "27英寸 4K", "i7", "M3", "无线版"), 49, 15999),
            new Department("家用电器 Appliances",
                List.of("美的", "格力", "海尔", "西门子", "松下", "戴森"),
                List.of("Midea", "Gree", "Haier", "Siemens", "Panasonic", "Dyson"),
                List.of("变频", "节能", "静音", "智能", "大容量"),
                List.of("空调", "冰箱", "洗衣机", "电饭煲", "吸尘器", "空气净化器", "微波炉"),
                List.of("energy-saving", "quiet", "smart", "compact", "cordless"),
                List.of("air conditioner", "refrigerator", "washing machine", "rice cooker", "vacuum cleaner",
                    "air purifier"),
                List.of("1.5匹", "500升", "10公斤", "4L", "一级能效"), 199, 9999),
            new Department("服装 Clothing",
                List.of("优衣库", "李宁", "海澜之家", "波司登", "太平鸟"),
                List.of("Uniqlo", "Zara", "H&M", "Levi's", "Bosideng"),
                List.of("纯棉", "修身", "宽松", "加厚", "时尚"),
                List.of("T恤", "羽绒服", "牛仔裤", "衬衫", "连衣裙", "卫衣"),
                List.of("cotton", "slim-fit", "oversized", "warm", "classic"),
                List.of("t-shirt", "down jacket", "jeans", "shirt", "dress", "hoodie"),
                List.of("男款", "女款", "M码", "L码", "春季新款"), 39, 1999),
            new Department("鞋靴 Shoes",
                List.of("耐克", "阿迪达斯", "安踏", "李宁", "新百伦", "斯凯奇"),
                List.of("Nike", "Adidas", "Anta", "Li-Ning", "New Balance", "Skechers"),
                List.of("轻便", "透气", "减震", "防滑", "经典"),
                List.of("运动鞋", "跑步鞋", "篮球鞋", "皮鞋", "帆布鞋", "靴子"),
                List.of("lightweight", "breathable", "cushioned", "waterproof", "classic"),
                List.of("running shoes", "sneakers", "basketball shoes", "leather shoes", "boots", "sandals"),
                List.of("42码", "38码", "男款", "女款"), 59, 1599),
            new Department("食品生鲜 Food",
                List.of("伊利", "蒙牛", "三只松鼠", "良品铺子", "西湖", "农夫山泉"),
                List.of("Yili", "Mengniu", "Three Squirrels", "Nestle", "Lipton"),
                List.of("有机", "进口", "纯正", "新鲜", "特级"),
                List.of("牛奶", "茶叶", "坚果", "大米", "咖啡", "巧克力", "蜂蜜"),
                List.of("organic", "fresh", "premium", "imported", "natural"),
                List.of("milk", "green tea", "mixed nuts", "rice", "coffee beans", "chocolate", "honey"),
                List.of("250ml×12盒", "500g", "礼盒装", "5kg"), 9, 699),
            new Department("图书 Books",
                List.of("人民文学出版社", "中信出版社", "机械工业出版社", "商务印书馆"),
                List.of("Penguin", "O'Reilly", "Oxford", "HarperCollins"),
                List.of("经典", "畅销", "精装", "全新", "插图"),
                List.of("小说", "历史书", "编程书", "儿童绘本", "词典", "散文集"),
                List.of("bestselling", "classic", "illustrated", "hardcover", "complete"),
                List.of("novel", "history book", "programming book", "picture book", "dictionary", "cookbook"),
                List.of("第2版", "全套", "精装版"), 19, 299),
            new Department("运动户外 Sports",
                List.of("迪卡侬", "探路者", "骆驼", "李宁", "尤尼克斯"),
                List.of("Decathlon", "Wilson", "Yonex", "Columbia", "The North Face"),
                List.of("专业", "防水", "轻量", "加厚", "户外"),
                List.of("瑜伽垫", "帐篷", "羽毛球拍", "登山包", "哑铃", "自行车"),
                List.of("professional", "waterproof", "lightweight", "foldable", "durable"),
                List.of("yoga mat", "camping tent", "badminton racket", "hiking backpack", "dumbbells", "bicycle"),
                List.of("双人", "40L", "10kg", "6mm"), 29, 3999),
            new Department("美妆个护 Beauty",
                List.of("兰蔻", "欧莱雅", "雅诗兰黛", "资生堂", "百雀羚", "飞利浦"),
                List.of("Lancome", "L'Oreal", "Estee Lauder", "Shiseido", "Philips"),
                List.of("保湿", "补水", "温和", "持久", "修护"),
                List.of("面霜", "口红", "洗发水", "防晒霜", "电动牙刷", "面膜"),
                List.of("moisturizing", "gentle", "long-lasting", "hydrating", "repairing"),
                List.of("face cream", "lipstick", "shampoo", "sunscreen", "electric toothbrush", "face mask"),
                List.of("50ml", "礼盒", "10片装", "SPF50"), 29, 1599),
            new Department("母婴玩具 Toys",
                List.of("乐高", "好孩子", "帮宝适", "费雪", "贝亲"),
                List.of("Lego", "Fisher-Price", "Pampers", "Hasbro", "Pigeon"),
                List.of("益智", "安全", "柔软", "便携", "环保"),
                List.of("积木", "婴儿车", "纸尿裤", "毛绒玩具", "奶瓶", "拼图"),
                List.of("educational", "safe", "soft", "foldable", "eco-friendly"),
                List.of("building blocks", "stroller", "diapers", "plush toy", "baby bottle", "puzzle"),
                List.of("3岁以上", "L码", "1000片", "240ml"), 19, 2999),
            new Department("家居 Home",
                List.of("宜家", "无印良品", "罗莱", "水星家纺", "苏泊尔", "双立人"),
                List.of("IKEA", "Muji", "Zwilling", "Supor", "Tefal"),
                List.of("北欧", "简约", "纯棉", "不粘", "护眼"),
                List.of("床上四件套", "枕头", "收纳盒", "炒锅", "台灯", "沙发"),
                List.of("nordic", "minimalist", "non-stick", "cozy", "modern"),
                List.of("bedding set", "pillow", "storage box", "frying pan", "desk lamp", "sofa"),
                List.of("1.8米", "30cm", "三人位", "套装"), 19, 4999),
            new Department("汽车用品 Auto",
                List.of("米其林", "博世", "3M", "70迈", "固特异"),
                List.of("Michelin", "Bosch", "3M", "Goodyear", "Castrol"),
                List.of("高清", "快充", "耐磨", "静音", "四季"),
                List.of("行车记录仪", "车载充电器", "轮胎", "雨刮器", "座垫", "机油"),
                List.of("high-definition", "fast-charging", "all-season", "durable", "universal"),
                List.of("dash cam", "car charger", "tire", "wiper blades", "seat cushion", "engine oil"),
                List.of("1080P", "205/55R16", "4L", "通用款"), 29, 1999));
  }
}
