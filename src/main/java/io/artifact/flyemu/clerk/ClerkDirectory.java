package io.artifact.flyemu.clerk;

import io.artifact.flyemu.clerk.ClerkException.Kind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** The users and sessions of the local Clerk instance, without HTTP. */
public final class ClerkDirectory {

  public record NewUser(String externalId, String username, List<String> emailAddresses, String firstName, String lastName) {
    public NewUser {
      emailAddresses = emailAddresses == null ? List.of() : List.copyOf(emailAddresses);
    }
  }

  /** Filters of {@code GET /v1/users}: values of one parameter are alternatives, parameters combine. */
  public record UserQuery(List<String> userIds, List<String> externalIds, List<String> usernames,
      List<String> emailAddresses, int limit, int offset) {}

  private final Clock clock;
  private final Map<String, ClerkUser> users = new LinkedHashMap<>();
  private final Map<String, ClerkSession> sessions = new LinkedHashMap<>();
  private final Map<String, List<OAuthAccount>> oauthAccounts = new LinkedHashMap<>();

  public ClerkDirectory(Clock clock) {
    this.clock = clock;
  }

  public synchronized ClerkUser createUser(NewUser spec) {
    if (blank(spec.externalId()) && blank(spec.username()) && spec.emailAddresses().isEmpty()) {
      throw new ClerkException(Kind.FORM_DATA_MISSING, "email_address", "Enter an email address, a username or an external id.");
    }
    unique("username", spec.username(), ClerkUser::username);
    unique("external_id", spec.externalId(), ClerkUser::externalId);
    for (String email : spec.emailAddresses()) {
      boolean taken = users.values().stream().anyMatch(u -> u.emailAddresses().stream().anyMatch(e -> e.address().equalsIgnoreCase(email)));
      if (taken) throw new ClerkException(Kind.IDENTIFIER_EXISTS, "email_address", "That email address is taken. Please try another.");
    }
    List<ClerkUser.EmailAddress> emails = spec.emailAddresses().stream()
        .map(a -> new ClerkUser.EmailAddress(ClerkIds.next("idn"), a)).toList();
    ClerkUser user = new ClerkUser(ClerkIds.next("user"), spec.externalId(), spec.username(), spec.firstName(),
        spec.lastName(), emails, clock.instant());
    users.put(user.id(), user);
    return user;
  }

  /** Newest first, like Clerk's default {@code order_by=-created_at}. */
  public synchronized List<ClerkUser> users(UserQuery q) {
    return newestFirst(users.values(), ClerkUser::createdAt).stream()
        .filter(u -> q.userIds().isEmpty() || q.userIds().contains(u.id()))
        .filter(u -> q.externalIds().isEmpty() || q.externalIds().contains(u.externalId()))
        .filter(u -> q.usernames().isEmpty() || q.usernames().contains(u.username()))
        .filter(u -> q.emailAddresses().isEmpty()
            || u.emailAddresses().stream().anyMatch(e -> q.emailAddresses().contains(e.address())))
        .skip(q.offset()).limit(q.limit()).toList();
  }

  public synchronized ClerkUser user(String id) {
    ClerkUser u = users.get(id);
    if (u == null) throw new ClerkException(Kind.NOT_FOUND, null, "No user was found with id " + id);
    return u;
  }

  /** Deleting a user ends its sessions, as in Clerk. */
  public synchronized ClerkUser deleteUser(String id) {
    ClerkUser u = user(id);
    users.remove(id);
    oauthAccounts.remove(id);
    Instant now = clock.instant();
    sessions.replaceAll((sid, s) -> s.userId().equals(id) && s.active() ? s.withStatus("removed", now) : s);
    return u;
  }

  public synchronized ClerkSession createSession(String userId) {
    if (blank(userId)) throw new ClerkException(Kind.FORM_DATA_MISSING, "user_id", "user_id must be included.");
    user(userId);
    Instant now = clock.instant();
    ClerkSession s = new ClerkSession(ClerkIds.next("sess"), ClerkIds.next("client"), userId, "active", now, now);
    sessions.put(s.id(), s);
    return s;
  }

  public synchronized ClerkSession session(String id) {
    ClerkSession s = sessions.get(id);
    if (s == null) throw new ClerkException(Kind.NOT_FOUND, null, "Session " + id + " not found");
    return s;
  }

  /** Only an active session gets new tokens. */
  public synchronized ClerkSession activeSession(String id) {
    ClerkSession s = session(id);
    if (!s.active()) throw new ClerkException(Kind.NOT_FOUND, null, "Session " + id + " is not active (" + s.status() + ")");
    return s;
  }

  public synchronized List<ClerkSession> sessions(String userId, String status) {
    return newestFirst(sessions.values(), ClerkSession::createdAt).stream()
        .filter(s -> userId == null || s.userId().equals(userId))
        .filter(s -> status == null || s.status().equals(status)).toList();
  }

  public synchronized ClerkSession revoke(String id) {
    ClerkSession s = session(id).withStatus("revoked", clock.instant());
    sessions.put(id, s);
    return s;
  }

  /**
   * Attaches an OAuth access token to a test user, as an OAuth sign-in with {@code provider}
   * ({@code github} or {@code oauth_github}) would in Clerk.
   */
  public synchronized OAuthAccount connectOAuthAccount(String userId, String provider, String accessToken, List<String> scopes) {
    user(userId);
    if (blank(provider)) throw new ClerkException(Kind.FORM_DATA_MISSING, "provider", "provider must be included.");
    if (blank(accessToken)) throw new ClerkException(Kind.FORM_DATA_MISSING, "token", "token must be included.");
    OAuthAccount account = new OAuthAccount(ClerkIds.next("eac"), userId, OAuthAccount.providerId(provider),
        ClerkIds.digits(8), accessToken, scopes);
    oauthAccounts.computeIfAbsent(userId, k -> new ArrayList<>()).add(account);
    return account;
  }

  /** The user's tokens for one provider, oldest connection first; an unknown user is not found, as in Clerk. */
  public synchronized List<OAuthAccount> oauthAccounts(String userId, String provider) {
    user(userId);
    String id = OAuthAccount.providerId(provider);
    return oauthAccounts.getOrDefault(userId, List.of()).stream().filter(a -> a.provider().equals(id)).toList();
  }

  /** The session a browser's client is signed in with: Clerk's latest touched active session of that client. */
  public synchronized Optional<ClerkSession> latestActiveSession(String clientId) {
    return newestFirst(sessions.values(), ClerkSession::updatedAt).stream()
        .filter(s -> s.clientId().equals(clientId) && s.active()).findFirst();
  }

  private void unique(String param, String value, Function<ClerkUser, String> field) {
    if (blank(value)) return;
    if (users.values().stream().anyMatch(u -> Objects.equals(field.apply(u), value))) {
      throw new ClerkException(Kind.IDENTIFIER_EXISTS, param, "That " + param.replace('_', ' ') + " is taken. Please try another.");
    }
  }

  /** Reversed insertion order first, so equal timestamps still list the newest first. */
  private static <T> List<T> newestFirst(Collection<T> items, Function<T, Instant> createdAt) {
    List<T> list = new ArrayList<>(items);
    Collections.reverse(list);
    list.sort(Comparator.comparing(createdAt).reversed());
    return list;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
