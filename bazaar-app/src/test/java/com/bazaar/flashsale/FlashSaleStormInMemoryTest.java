package com.bazaar.flashsale;

import org.springframework.test.context.TestPropertySource;

/** The storm on the embedded engines: the in-memory counter and the in-JVM queue. */
@TestPropertySource(properties = {FlashSaleStormContract.FAST_TEST_USERS, FlashSaleStormContract.GENEROUS_LIMITS,
    FlashSaleStormContract.GENEROUS_LOGINS})
class FlashSaleStormInMemoryTest extends FlashSaleStormContract {}
