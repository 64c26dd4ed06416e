package com.bazaar.platform.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How API.md's operations are read: table rows and code spans, /api only, variables unnamed, no query. */
class ApiMdOperationsTest {

  @Test
  void tableRowsAndCodeSpansNameOperationsWithTheirVariablesUnnamedAndWithoutQueries() {
    String markdown = """
        | method | path | answer |
        |---|---|---|
        | GET | /api/items?categoryId=&page=&size= | 200 page |
        | POST | /api/flash-sales/{id}/purchase | `{"quantity": 1}` |
        | GET | /actuator/health | 200 |
        - **Admin switch**: `GET|PUT /api/admin/payment-provider` takes it down; see `/api/orders`.
        - `POST /api/notifications/{id}/read` → 200, and `GET /api/notifications/unread`; `POST /login` is a page.
        """;

    assertThat(ApiMdOperations.parse(markdown)).containsExactlyInAnyOrder(
        "GET /api/items",
        "POST /api/flash-sales/{}/purchase",
        "GET /api/admin/payment-provider",
        "PUT /api/admin/payment-provider",
        "POST /api/notifications/{}/read",
        "GET /api/notifications/unread");
  }

  @Test
  void theCodesVariableNamesMatchApiMdsOtherNames() {
    assertThat(ApiMdOperations.operation("post", "/api/orders/{orderId}/pay"))
        .isEqualTo(ApiMdOperations.operation("POST", "/api/orders/{id}/pay"));
  }
}
