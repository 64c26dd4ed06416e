package com.bazaar.user;

import com.bazaar.support.RealEngines;
import org.springframework.test.context.ActiveProfiles;

/** The same session tests against the machine's MariaDB. */
@RealEngines
@ActiveProfiles("mariadb")
class SessionApiOnMariaDbTest extends SessionApiTest {}
