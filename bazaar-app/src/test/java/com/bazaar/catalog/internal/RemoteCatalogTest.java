package com.bazaar.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withBadRequest;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.bazaar.catalog.ItemDraft;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.Money;
import com.bazaar.platform.id.CategoryId;
import com.bazaar.platform.services.RemoteCalls;
import com.bazaar.platform.web.ApiAdvice;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * The web role's catalog turns the catalog service's 400s into the refusal the local catalog
 * would throw. A 400 that carries no refusal of the shop (the framework's answer to a body or
 * parameter it could not read) still reaches the shopper as a 400 problem in their language: its
 * text once was used as a message key, which the web role could not find, and answered 500.
 * The client is the real HTTP service proxy over a mock server; the remote calls run at once.
 */
class RemoteCatalogTest {
  private static final String CREATE = "http://catalog" + InternalCatalogApi.ROOT + "/items";
  private static final String FRAMEWORKS_PROBLEM = """
      {"type":"about:blank","title":"Bad Request","status":400,
       "detail":"request body is missing or is not valid JSON"}""";

  private final MessageSource shopMessages = ApiAdvice.shopMessages();
  private MockRestServiceServer catalogService;
  private RemoteCatalog remote;

  @BeforeEach
  void webRoleOverAMockCatalogService() {
    RestClient.Builder http = RestClient.builder().baseUrl("http://catalog");
    catalogService = MockRestServiceServer.bindTo(http).build();
    CatalogClient client = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(http.build())).build()
        .createClient(CatalogClient.class);
    remote = new RemoteCatalog(client, callsMadeAtOnce());
  }

  @Test
  void aPlain400FromTheCatalogIsARefusalTheShopCanRead() {
    catalogService.expect(requestTo(CREATE)).andRespond(withBadRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(FRAMEWORKS_PROBLEM));

    InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> remote.create(draft()));

    assertThat(refused.field()).isEqualTo("body");
    assertThat(shopMessages.getMessage(refused, Locale.ENGLISH)).isEqualTo("was refused as invalid");
    assertThat(shopMessages.getMessage(refused, Locale.SIMPLIFIED_CHINESE)).isEqualTo("无效，已被拒绝");
  }

  @Test
  void aBare400WithoutABodyIsARefusalTheShopCanRead() {
    catalogService.expect(requestTo(CREATE)).andRespond(withBadRequest());

    InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> remote.create(draft()));

    assertThat(refused.field()).isEqualTo("body");
    assertThat(shopMessages.getMessage(refused, Locale.ENGLISH)).isEqualTo("was refused as invalid");
  }

  /** Field errors hold texts, not keys: the field is kept, the reason is the generic one. */
  @Test
  void a400WithFieldErrorsOnlyNamesTheFieldWithAReasonTheShopCanRead() {
    catalogService.expect(requestTo(CREATE)).andRespond(withBadRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body("""
            {"type":"about:blank","title":"Bad Request","status":400,"detail":"invalid input",
             "errors":[{"field":"stock","message":"has the wrong type or format"}]}"""));

    InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> remote.create(draft()));

    assertThat(refused.field()).isEqualTo("stock");
    assertThat(shopMessages.getMessage(refused, Locale.ENGLISH)).isEqualTo("was refused as invalid");
  }

  /** Through the admin API and the app's exception handler: the shopper's answer. */
  @Test
  void aPlain400FromTheCatalogIsA400ProblemNotA500() throws Exception {
    catalogService.expect(requestTo(CREATE)).andRespond(withBadRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(FRAMEWORKS_PROBLEM));
    MockMvc web = MockMvcBuilders.standaloneSetup(new CatalogAdminApi(remote))
        .setControllerAdvice(ApiAdvice.handler(shopMessages)).build();

    web.perform(post("/api/admin/items").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "zh-CN")
            .content("""
                {"title":"A teapot","description":"","price":{"amount":4200,"currency":"CNY"},
                 "stock":10,"categoryId":1}"""))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.errors[0].field").value("body"))
        .andExpect(jsonPath("$.errors[0].message").value("无效，已被拒绝"));
  }

  private static ItemDraft draft() {
    return new ItemDraft("A teapot", "", Money.of(4_200, "CNY"), 10, CategoryId.of(1));
  }

  @SuppressWarnings("unchecked")
  private static RemoteCalls callsMadeAtOnce() {
    RemoteCalls calls = mock(RemoteCalls.class);
    when(calls.read(anyString(), any())).thenAnswer(call -> ((Supplier<Object>) call.getArgument(1)).get());
    when(calls.write(anyString(), any())).thenAnswer(call -> ((Supplier<Object>) call.getArgument(1)).get());
    return calls;
  }
}
