package com.bazaar.user;

import com.bazaar.support.RealEngines;
import com.bazaar.support.SplitMariaDbDatabases;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The address book in the user module's own database (profile split), its writes in that database's transactions. */
@RealEngines
@ActiveProfiles({"mariadb", "split"})
class AddressApiOnSplitMariaDbTest extends AddressApiTest {
  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    SplitMariaDbDatabases.register(registry);
  }
}
