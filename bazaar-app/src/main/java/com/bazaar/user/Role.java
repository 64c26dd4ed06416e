package com.bazaar.user;

/** What a user may do: every user shops; admins also manage the catalog. */
public enum Role {
  USER,
  ADMIN
}
