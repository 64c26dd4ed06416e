package com.bazaar.storefront;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The sign-up form, with the same rules as the registration API. Mutable for form binding. */
public final class RegistrationForm {
  @NotNull
  @Size(min = 3, max = 32)
  @Pattern(regexp = "[\\p{L}\\p{N}_.-]*", message = "{validation.username.characters}")
  private String username = "";

  @NotNull
  @Size(min = 8, max = 72)
  private String password = "";

  @NotBlank @Email @Size(max = 254)
  private String email = "";

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }
}
