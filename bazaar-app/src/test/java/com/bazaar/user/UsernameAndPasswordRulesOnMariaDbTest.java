package com.bazaar.user;

import com.bazaar.support.RealEngines;
import org.springframework.test.context.ActiveProfiles;

/** The same rules on MariaDB, whose collation also compares the unique username and skeleton keys. */
@RealEngines
@ActiveProfiles("mariadb")
class UsernameAndPasswordRulesOnMariaDbTest extends UsernameAndPasswordRulesTest {}
