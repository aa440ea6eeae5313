package io.artifact.flyemu.clerk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifact.flyemu.clerk.ClerkException.Kind;
import java.time.Instant;
import java.util.List;

/** The Backend API's wire shapes (Clerk's {@code user}, {@code session}, {@code token} and error objects). */
final class ClerkJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private ClerkJson() {}

  static JsonNode parse(String body) {
    if (body == null || body.isBlank()) return MAPPER.createObjectNode();
    try {
      JsonNode node = MAPPER.readTree(body);
      if (!node.isObject()) throw new ClerkException(Kind.INVALID_REQUEST, null, "The request body must be a JSON object.");
      return node;
    } catch (JsonProcessingException e) {
      throw new ClerkException(Kind.INVALID_REQUEST, null, "The request body is not valid JSON.");
    }
  }

  static ObjectNode user(ClerkUser u) {
    ObjectNode n = MAPPER.createObjectNode().put("object", "user").put("id", u.id())
        .put("external_id", u.externalId()).put("username", u.username())
        .put("first_name", u.firstName()).put("last_name", u.lastName())
        .put("primary_email_address_id", u.primaryEmailAddressId())
        .putNull("primary_phone_number_id").putNull("primary_web3_wallet_id");
    ArrayNode emails = n.putArray("email_addresses");
    for (ClerkUser.EmailAddress e : u.emailAddresses()) {
      ObjectNode en = emails.addObject().put("id", e.id()).put("object", "email_address").put("email_address", e.address());
      en.putObject("verification").put("status", "verified").put("strategy", "admin");
      en.putArray("linked_to");
    }
    n.putArray("phone_numbers");
    n.putArray("web3_wallets");
    n.putArray("external_accounts");
    n.putObject("public_metadata");
    n.putObject("private_metadata");
    n.putObject("unsafe_metadata");
    n.put("password_enabled", false).put("two_factor_enabled", false).put("banned", false).put("locked", false);
    n.putNull("last_sign_in_at");
    return n.put("created_at", millis(u.createdAt())).put("updated_at", millis(u.createdAt()));
  }

  static ObjectNode session(ClerkSession s) {
    return MAPPER.createObjectNode().put("object", "session").put("id", s.id()).put("client_id", s.clientId())
        .put("user_id", s.userId()).put("status", s.status()).put("last_active_at", millis(s.updatedAt()))
        .putNull("last_active_organization_id").putNull("actor")
        .put("expire_at", millis(s.expireAt())).put("abandon_at", millis(s.abandonAt()))
        .put("created_at", millis(s.createdAt())).put("updated_at", millis(s.updatedAt()));
  }

  static ObjectNode token(String jwt) {
    return MAPPER.createObjectNode().put("object", "token").put("jwt", jwt);
  }

  /**
   * Clerk's {@code oauth_access_token}: the users service's {@code OAuthAccessTokenResponse} plus
   * {@code expires_at}, which the BAPI spec lists as required and nullable (test tokens never expire).
   * {@code scopes} is left out when empty and {@code token_secret} always (OAuth 1.0 only), as Clerk's
   * {@code omitempty} does.
   */
  static ObjectNode oauthAccessToken(OAuthAccount a) {
    ObjectNode n = MAPPER.createObjectNode().put("object", "oauth_access_token").put("external_account_id", a.id())
        .put("provider_user_id", a.providerUserId()).put("token", a.token()).put("provider", a.provider());
    n.putObject("public_metadata");
    n.putNull("label");
    if (!a.scopes().isEmpty()) a.scopes().forEach(n.putArray("scopes")::add);
    return n.putNull("expires_at");
  }

  /** Clerk's paginated list ({@code paginated=true}): {@code {"data":[...],"total_count":n}}. */
  static ObjectNode paginated(List<ObjectNode> items) {
    ObjectNode n = MAPPER.createObjectNode();
    n.set("data", array(items));
    return n.put("total_count", items.size());
  }

  static ObjectNode deletedUser(String id) {
    return MAPPER.createObjectNode().put("object", "user").put("id", id).put("deleted", true);
  }

  static ArrayNode array(List<ObjectNode> items) {
    ArrayNode a = MAPPER.createArrayNode();
    items.forEach(a::add);
    return a;
  }

  /** Clerk's error envelope: {@code {"errors":[{message,long_message,code,meta}],"clerk_trace_id"}}. */
  static String error(String code, String message, String longMessage, String param) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode e = root.putArray("errors").addObject().put("message", message).put("long_message", longMessage).put("code", code);
    if (param != null) e.putObject("meta").put("param_name", param);
    root.put("clerk_trace_id", ClerkIds.random(16).toLowerCase());
    return root.toString();
  }

  private static long millis(Instant t) {
    return t.toEpochMilli();
  }
}
