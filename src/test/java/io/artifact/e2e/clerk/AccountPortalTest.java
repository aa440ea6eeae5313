package io.artifact.e2e.clerk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AccountPortalTest {

  @Test
  void developmentInstancesSignInOnTheirAccountsDevHost() {
    assertThat(AccountPortal.signInUrl("pk_test_dGFtZS1saW9uLTEuY2xlcmsuYWNjb3VudHMuZGV2JA=="))
        .isEqualTo("https://tame-lion-1.accounts.dev/sign-in");
  }

  @Test
  void productionInstancesSignInOnTheAccountsSubdomain() {
    assertThat(AccountPortal.signInUrl(key("pk_live_", "clerk.example.com"))).isEqualTo("https://accounts.example.com/sign-in");
  }

  @Test
  void aLoopbackInstanceServesItsOwnPortal() {
    assertThat(AccountPortal.signInUrl(key("pk_test_", "127.0.0.1:4711"))).isEqualTo("http://127.0.0.1:4711/sign-in");
  }

  @Test
  void refusesWhatIsNotAPublishableKey() {
    assertThatThrownBy(() -> AccountPortal.signInUrl("sk_test_x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AccountPortal.signInUrl(key("pk_test_", "no-dollar").replace("JA==", ""))).isInstanceOf(IllegalArgumentException.class);
  }

  private static String key(String prefix, String host) {
    return prefix + Base64.getEncoder().encodeToString((host + "$").getBytes(StandardCharsets.UTF_8));
  }
}
