package com.bazaar.order;

import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.OrderId;
import com.bazaar.platform.id.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Every buyer's orders, for admins: one order by id, a filtered list, and the day's figures.
 * The methods act for no buyer, so only admin pages may call them. With sharded orders an
 * order id or a buyer finds one shard; a list by status and the figures read every shard.
 */
public interface OrderAdministration {

  Optional<Order> find(OrderId orderId);

  /** Orders of one buyer, of one status, both or neither, newest first. */
  Page<Order> orders(Optional<UserId> buyerId, Optional<OrderStatus> status, PageSpec page);

  /** How many orders were placed since the instant, by status, and what the paid ones brought in. */
  OrderFigures placedSince(Instant since);
}
