/**
 * The server-rendered shop: Thymeleaf pages for browsing, search, cart, checkout, orders,
 * accounts and catalog administration. It only calls other modules' root APIs and is used
 * by none of them.
 */
@org.jspecify.annotations.NullMarked
package com.bazaar.storefront;
