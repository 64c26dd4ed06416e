package com.bazaar.user;

import org.springframework.test.context.ActiveProfiles;

/** The same rules on MariaDB, whose collation also compares the unique username and skeleton keys. */
@ActiveProfiles("mariadb")
class UsernameAndPasswordRulesOnMariaDbTest extends UsernameAndPasswordRulesTest {}
