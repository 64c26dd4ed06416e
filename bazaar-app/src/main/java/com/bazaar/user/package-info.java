/**
 * Shoppers and admins: registration, login sessions, roles. Other modules learn who is
 * calling through {@link com.bazaar.user.AuthenticatedUser}.
 */
@org.springframework.lang.NonNullApi
package com.bazaar.user;
