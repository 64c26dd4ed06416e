package com.bazaar.platform.id;

import com.bazaar.support.RealEngines;
import org.springframework.test.context.ActiveProfiles;

@RealEngines
@ActiveProfiles("mariadb")
class WorkerIdLeaseOnMariaDbTest extends WorkerIdLeaseContract {}
