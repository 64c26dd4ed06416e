package com.bazaar.platform.id;

class WorkerIdLeaseOnH2Test extends WorkerIdLeaseContract {}
