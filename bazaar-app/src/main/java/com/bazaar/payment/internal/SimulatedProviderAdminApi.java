package com.bazaar.payment.internal;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/admin/payment-provider {"available": false}}: an admin takes the simulated
 * provider down (and back up) to watch the payment breaker and the 503s. Exists only while the
 * simulated provider is the one in use.
 */
@RestController
@ConditionalOnProperty(name = "bazaar.payment.provider", havingValue = "simulated", matchIfMissing = true)
final class SimulatedProviderAdminApi {
  private final SimulatedPaymentProvider provider;

  SimulatedProviderAdminApi(SimulatedPaymentProvider provider) {
    this.provider = provider;
  }

  @Operation(summary = "Whether the simulated payment provider is up (admin)")
  @GetMapping("/api/admin/payment-provider")
  ProviderState state() {
    return new ProviderState(provider.isAvailable());
  }

  @Operation(summary = "Take the simulated payment provider down or up (admin)")
  @PutMapping("/api/admin/payment-provider")
  ProviderState set(@RequestBody ProviderState state) {
    provider.setAvailable(state.available());
    return state;
  }

  record ProviderState(boolean available) {}
}
