package io.artifact.flyemu.clerk;

import java.time.Instant;
import java.util.List;

/** A user of the local Clerk instance. */
public record ClerkUser(
    String id,
    String externalId,
    String username,
    String firstName,
    String lastName,
    List<EmailAddress> emailAddresses,
    Instant createdAt) {

  public record EmailAddress(String id, String address) {}

  public ClerkUser {
    emailAddresses = List.copyOf(emailAddresses);
  }

  public String primaryEmailAddressId() {
    return emailAddresses.isEmpty() ? null : emailAddresses.get(0).id();
  }
}
