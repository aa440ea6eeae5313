package io.artifact.flyemu.clerk;

import com.nimbusds.jwt.JWTClaimsSet;
import io.artifact.flyemu.Durations;
import io.artifact.flyemu.EmbeddedStack;
import io.artifact.flyemu.StackComponent;
import io.artifact.flyemu.StackSettings;
import io.artifact.flyemu.http.HttpListener;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A local Clerk instance on one loopback listener: the Backend API subset under {@code /v1}
 * (bearer = the secret key), the Frontend API's {@code /.well-known/jwks.json},
 * {@code /v1/client/handshake} and {@code /v1/dev_browser}, and the Account Portal's
 * {@code /sign-in}, and a testing surface no real instance has ({@link TestingApi}). It is a development instance ({@code pk_test_}) whose Frontend API host is the
 * listener's {@code 127.0.0.1:<port>}. The secret key is never logged or listed.
 */
public final class LocalClerk implements StackComponent {

  /** How the instance runs; {@code port} 0 picks a free port, {@code authorizedParty} null leaves {@code azp} out. */
  public record Settings(int port, Duration sessionTokenTtl, String authorizedParty, TokenLifetime tokenLifetime) {

    public Settings(int port, Duration sessionTokenTtl, String authorizedParty) {
      this(port, sessionTokenTtl, authorizedParty, TokenLifetime.DOC);
    }

    public static Settings defaults() {
      return new Settings(0, Duration.ofSeconds(60), null);
    }

    /** From the profile: {@code clerk.port}, {@code clerk.session-token-ttl}, {@code clerk.authorized-party}. */
    public static Settings from(StackSettings stack) {
      return new Settings(Integer.parseInt(stack.extra("clerk.port", "0").trim()),
          Durations.parse("clerk.session-token-ttl", stack.extra("clerk.session-token-ttl", "60s")),
          stack.extra().get("clerk.authorized-party"), TokenLifetime.named(stack.extra("clerk.defect", "none")));
    }

    public Settings withPort(int newPort) {
      return new Settings(newPort, sessionTokenTtl, authorizedParty, tokenLifetime);
    }
  }

  /** How a deliberately bad token is forged, for negative tests. */
  public enum Forgery {
    /** Signed by another key pair under this instance's {@code kid}: fails as {@code token-invalid-signature}. */
    SAME_KID,
    /** Signed by another key pair under an unknown {@code kid}: fails as {@code jwk-kid-mismatch}. */
    UNKNOWN_KID
  }

  private final Settings settings;
  private final Clock clock;
  private final SigningKey signingKey = SigningKey.instanceKey(ClerkIds.next("ins"));
  private final ClerkDirectory directory;
  private final BackendApi backendApi;
  private final FrontendPages frontend;
  private final TestingApi testing = new TestingApi(this);
  private volatile String secretKey = newSecretKey();
  private HttpListener listener;
  private PublishableKey publishableKey;

  public LocalClerk() {
    this(Settings.defaults(), Clock.systemUTC());
  }

  public LocalClerk(Settings settings) {
    this(settings, Clock.systemUTC());
  }

  public LocalClerk(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.directory = new ClerkDirectory(clock);
    this.backendApi = new BackendApi(this, directory);
    DevBrowsers devBrowsers = new DevBrowsers();
    this.frontend = new FrontendPages(signingKey, new Handshake(this, directory, devBrowsers, clock), devBrowsers);
  }

  /** As a stack component: also offers {@link ClerkAuthenticator} (a {@link SessionVerifier}) to the embedded apps. */
  @Override
  public void start(EmbeddedStack stack) {
    start();
    stack.platform().services()
        .register(ClerkAuthenticator.class, new SessionVerifier(SessionVerifier.Settings.from(stack.settings()), Clock.systemUTC()))
        .register(LocalClerk.class, this);
  }

  /** Starts the listener alone, for tests of other components. */
  public synchronized LocalClerk start() {
    if (listener != null) throw new IllegalStateException("local Clerk already started on " + listener.baseUrl());
    listener = HttpListener.start("clerk", settings.port(), this::handle);
    publishableKey = PublishableKey.development("127.0.0.1:" + listener.port());
    return this;
  }

  private HttpResponse handle(HttpRequest request) throws Exception {
    if (request.path().startsWith(TestingApi.PREFIX)) return testing.handle(request);
    boolean backend = request.path().startsWith("/v1/") && !FrontendPages.serves(request.path());
    return backend ? backendApi.handle(request) : frontend.handle(request);
  }

  /** The value for {@code CLERK_API_URL} (the SDK appends {@code /v1}). */
  public String apiUrl() { return started().baseUrl(); }
  public String frontendApiUrl() { return started().baseUrl(); }
  public String signInUrl() { return apiUrl() + "/sign-in"; }
  public String signUpUrl() { return apiUrl() + "/sign-up"; }
  public String jwksUrl() { return apiUrl() + "/v1/jwks"; }
  public int port() { return started().port(); }
  public String kid() { return signingKey.kid(); }
  public Settings settings() { return settings; }
  public ClerkDirectory directory() { return directory; }

  public String publishableKey() {
    started();
    return publishableKey.value();
  }

  /** The secret key: a credential. Hand it to app secrets and the Backend API client; never print it. */
  public String secretKey() { return secretKey; }

  /** Rolls the instance's secret key: the previous one is refused from now on. */
  public void rotateSecretKey() {
    secretKey = newSecretKey();
  }

  /** How many times {@code /v1/jwks} was asked for (JWKS caching is observable through it). */
  public int jwksRequestCount() { return backendApi.jwksRequests(); }

  /** A valid session token for {@code userId} without a stored session (unit tests of other components). */
  public String mintSessionToken(String userId, Duration ttl) {
    return sessionToken(userId, ClerkIds.next("sess"), ttl);
  }

  public String mintForgedSessionToken(String userId, Duration ttl, Forgery forgery) {
    SigningKey other = ForeignKey.INSTANCE.withKid(forgery == Forgery.SAME_KID ? kid() : ClerkIds.next("ins"));
    return other.sign(SessionTokens.claims(frontendApiUrl(), settings.authorizedParty(), userId, ClerkIds.next("sess"), clock.instant(), ttl));
  }

  /**
   * The {@code __client} cookie Clerk's Frontend API sets on its own domain when a browser signs in
   * on it: an instance-signed JWT whose {@code id} is the client (without {@code rotating_token},
   * Clerk looks the client up by id alone). Sign-in is not emulated, so tests put this cookie on
   * their Frontend API requests themselves, with the {@code client_id} of a Backend API session.
   */
  public String clientCookie(String clientId) {
    return signingKey.sign(new JWTClaimsSet.Builder().claim("id", clientId).build());
  }

  String sessionToken(String userId, String sessionId, Duration ttl) {
    return signingKey.sign(SessionTokens.claims(frontendApiUrl(), settings.authorizedParty(), userId, sessionId, clock.instant(), ttl));
  }

  SigningKey signingKey() { return signingKey; }

  @Override
  public Map<String, String> endpoints() {
    Map<String, String> e = new LinkedHashMap<>();
    e.put("clerk_api", apiUrl());
    e.put("clerk_frontend_api", frontendApiUrl());
    e.put("clerk_sign_in", signInUrl());
    e.put("clerk_testing", apiUrl() + "/__testing");
    return e;
  }

  @Override
  public synchronized void close() {
    if (listener != null) listener.close();
  }

  private HttpListener started() {
    if (listener == null) throw new IllegalStateException("local Clerk is not started");
    return listener;
  }

  /** One foreign key pair per JVM: generating RSA keys is slow and forgeries need not differ. */
  private static final class ForeignKey {
    static final SigningKey INSTANCE = SigningKey.kept("ins_foreign");
  }

  private static String newSecretKey() {
    return "sk_test_" + ClerkIds.random(40);
  }
}
