package com.bazaar.platform.id;

import org.springframework.test.context.ActiveProfiles;

@ActiveProfiles("mariadb")
class WorkerIdLeaseOnMariaDbTest extends WorkerIdLeaseContract {}
