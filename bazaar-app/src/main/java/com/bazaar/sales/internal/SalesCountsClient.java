package com.bazaar.sales.internal;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The units sold that the catalog role's best-selling order asks for, on the wire: an HTTP
 * service client in the group {@code sales} ({@code lb://web}, the role that counts the paid
 * orders), served by {@link InternalSalesApi}. The one declaration of the endpoint.
 */
@HttpExchange(InternalSalesApi.ROOT)
interface SalesCountsClient {

  /** A read, sent as POST only because the ids may not fit a URL. */
  @PostExchange("/sold")
  Map<Long, Long> sold(@RequestBody List<Long> itemIds);
}
