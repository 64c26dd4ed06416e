package com.bazaar.user;

import org.springframework.test.context.ActiveProfiles;

/** The same session tests against the machine's MariaDB. */
@ActiveProfiles("mariadb")
class SessionApiOnMariaDbTest extends SessionApiTest {}
