package io.artifact.flyemu.clerk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.artifact.flyemu.clerk.ClerkDirectory.NewUser;
import io.artifact.flyemu.clerk.ClerkDirectory.UserQuery;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClerkDirectoryTest {

  private final ClerkDirectory directory = new ClerkDirectory(Clock.systemUTC());

  @Test
  void refusesASecondUserWithTheSameUsername() {
    directory.createUser(new NewUser(null, "alice", List.of(), null, null));

    assertThatThrownBy(() -> directory.createUser(new NewUser(null, "alice", List.of(), null, null)))
        .isInstanceOfSatisfying(ClerkException.class, e -> {
          assertThat(e.kind()).isEqualTo(ClerkException.Kind.IDENTIFIER_EXISTS);
          assertThat(e.param()).isEqualTo("username");
        });
  }

  @Test
  void refusesAUserWithoutAnyIdentifier() {
    assertThatThrownBy(() -> directory.createUser(new NewUser(null, null, List.of(), "A", "B")))
        .isInstanceOfSatisfying(ClerkException.class, e -> assertThat(e.kind()).isEqualTo(ClerkException.Kind.FORM_DATA_MISSING));
  }

  @Test
  void listsNewestFirstAndFiltersByEachParameter() {
    ClerkUser a = directory.createUser(new NewUser("ext-a", "a", List.of("a@example.com"), null, null));
    ClerkUser b = directory.createUser(new NewUser("ext-b", "b", List.of("b@example.com"), null, null));

    assertThat(directory.users(query(List.of(), List.of(), List.of()))).containsExactly(b, a);
    assertThat(directory.users(query(List.of("ext-a"), List.of(), List.of()))).containsExactly(a);
    assertThat(directory.users(query(List.of(), List.of("a", "b"), List.of()))).containsExactly(b, a);
    assertThat(directory.users(query(List.of("ext-a"), List.of("b"), List.of()))).isEmpty();
    assertThat(directory.users(query(List.of(), List.of(), List.of("b@example.com")))).containsExactly(b);
  }

  @Test
  void aRevokedSessionGetsNoTokensButStaysListed() {
    ClerkUser u = directory.createUser(new NewUser("ext", null, List.of(), null, null));
    ClerkSession s = directory.createSession(u.id());

    directory.revoke(s.id());

    assertThat(directory.session(s.id()).status()).isEqualTo("revoked");
    assertThatThrownBy(() -> directory.activeSession(s.id())).isInstanceOf(ClerkException.class).hasMessageContaining("not active");
    assertThat(directory.sessions(u.id(), "revoked")).extracting(ClerkSession::id).containsExactly(s.id());
  }

  @Test
  void deletingAUserEndsItsSessions() {
    ClerkUser u = directory.createUser(new NewUser("ext", null, List.of(), null, null));
    ClerkSession s = directory.createSession(u.id());

    directory.deleteUser(u.id());

    assertThat(directory.session(s.id()).status()).isEqualTo("removed");
    assertThatThrownBy(() -> directory.user(u.id())).isInstanceOf(ClerkException.class);
    assertThatThrownBy(() -> directory.createSession(u.id())).isInstanceOf(ClerkException.class);
  }

  @Test
  void oauthTokensBelongToTheirUserAndProviderAndGoWithTheUser() {
    ClerkUser u = directory.createUser(new NewUser("ext-oauth", null, List.of(), null, null));

    OAuthAccount github = directory.connectOAuthAccount(u.id(), "oauth_github", "gho_1", List.of());

    assertThat(directory.oauthAccounts(u.id(), "github")).containsExactly(github);
    assertThat(directory.oauthAccounts(u.id(), "oauth_google")).isEmpty();
    assertThatThrownBy(() -> directory.connectOAuthAccount("user_nobody", "github", "gho_2", List.of()))
        .isInstanceOfSatisfying(ClerkException.class, e -> assertThat(e.kind()).isEqualTo(ClerkException.Kind.NOT_FOUND));
    directory.deleteUser(u.id());
    ClerkUser again = directory.createUser(new NewUser("ext-oauth-2", null, List.of(), null, null));
    assertThat(directory.oauthAccounts(again.id(), "github")).isEmpty();
  }

  @Test
  void aClientIsSignedInWithItsNewestActiveSessionOnly() {
    ClerkUser u = directory.createUser(new NewUser("ext-client", null, List.of(), null, null));
    ClerkSession s = directory.createSession(u.id());

    assertThat(directory.latestActiveSession(s.clientId())).contains(s);
    directory.revoke(s.id());
    assertThat(directory.latestActiveSession(s.clientId())).isEmpty();
    assertThat(directory.latestActiveSession("client_unknown")).isEmpty();
  }

  private static UserQuery query(List<String> externalIds, List<String> usernames, List<String> emails) {
    return new UserQuery(List.of(), externalIds, usernames, emails, 10, 0);
  }
}
