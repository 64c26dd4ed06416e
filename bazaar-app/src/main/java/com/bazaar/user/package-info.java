/**
 * Shoppers and admins: registration, login sessions, roles. Other modules learn who is
 * calling through {@link com.bazaar.user.AuthenticatedUser}.
 */
@org.jspecify.annotations.NullMarked
package com.bazaar.user;
