package io.artifact.flyemu.mcp.audit;

import java.time.Instant;

/**
 * A security signal an operator must see: {@code token_rotated}, {@code token_revoked} or
 * {@code revoked_token_used}. Carries a token fingerprint, never the token.
 */
public record Alert(String kind, String org, String message, Instant at) {}
