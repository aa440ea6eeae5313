package io.artifact.e2e.mcp;

/** An alert the control plane raised ({@code token_revoked}, {@code revoked_token_used}, …). */
public record AlertRecord(String kind, String org, String message, String at) {}
