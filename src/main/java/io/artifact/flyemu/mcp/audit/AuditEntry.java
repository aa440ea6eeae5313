package io.artifact.flyemu.mcp.audit;

import java.time.Instant;

/**
 * One audited control-plane call (stack-contract.md §6.2): who ({@code user}) did what
 * ({@code tool}) to which {@code app}, a hash of the parameters (never the values) and the
 * outcome ({@code ok}, {@code refused: …}, {@code invalid: …}, {@code error: …}).
 */
public record AuditEntry(String app, String user, String tool, String paramsHash, String outcome, Instant at) {}
