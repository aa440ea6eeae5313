package io.artifact.flyemu.mcp.tools;

import io.artifact.flyemu.fly.PlatformException;
import io.artifact.flyemu.mcp.audit.AuditEntry;
import io.artifact.flyemu.mcp.audit.AuditLog;
import io.artifact.flyemu.mcp.audit.ParamsHash;
import io.artifact.flyemu.mcp.auth.Grant;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs every tool call the same way: validate the arguments against the input schema, authorize
 * each app against the org allow-list and the caller's token, call, and audit the outcome —
 * refusals and invalid calls included. Domain failures become MCP tool errors here, once.
 */
public final class ToolRunner {

  private final List<String> allowedPrefixes;
  private final Consumer<AuditEntry> audit;
  private final Supplier<Instant> clock;
  private final JsonSchemaValidator validator = McpJsonDefaults.getSchemaValidator();

  /** {@code audit} takes every outcome: the {@link AuditLog}'s {@code record}, or a variant's sink. */
  public ToolRunner(List<String> allowedPrefixes, Consumer<AuditEntry> audit, Supplier<Instant> clock) {
    this.allowedPrefixes = List.copyOf(allowedPrefixes);
    this.audit = audit;
    this.clock = clock;
  }

  public SyncToolSpecification spec(ControlTool tool) {
    return SyncToolSpecification.builder().tool(tool.definition())
        .callHandler((exchange, request) -> run(tool, caller(exchange), request.arguments())).build();
  }

  CallToolResult run(ControlTool tool, Grant caller, Map<String, Object> raw) {
    String hash = ParamsHash.of(raw, tool.secretArgs());
    String guess = appGuess(raw, caller);
    CallToolResult invalid = io.modelcontextprotocol.util.ToolInputValidator.validate(tool.definition(), raw, true, validator);
    if (invalid != null) {
      String why = ArgumentErrors.describe(((TextContent) invalid.content().get(0)).text());
      record(guess, caller, tool, hash, "invalid: " + why);
      return error("invalid arguments for " + tool.name() + ": " + why);
    }
    Args args = new Args(raw);
    String app = guess;
    try {
      List<String> apps = tool.apps(args, caller);
      if (!apps.isEmpty()) app = String.join(",", apps);
      apps.forEach(a -> authorize(caller, a));
      ToolResult r = tool.call(args, caller);
      record(app, caller, tool, hash, r.error() ? "error: " + r.summary() : "ok");
      return render(r);
    } catch (ToolException e) {
      record(e.app().orElse(app), caller, tool, hash, e.outcome() + ": " + e.getMessage());
      return error(e.outcome() + ": " + e.getMessage());
    } catch (PlatformException e) {
      record(app, caller, tool, hash, "error: " + e.getMessage());
      return error(tool.name() + " failed: " + e.getMessage());
    } catch (Exception e) {
      if (e instanceof InterruptedException) Thread.currentThread().interrupt();
      record(app, caller, tool, hash, "error: " + e.getMessage());
      return error(tool.name() + " failed: " + e.getMessage());
    }
  }

  /** Before validation the app is whatever the call names: {@code app}, else {@code name}, else the caller's org. */
  private static String appGuess(Map<String, Object> raw, Grant caller) {
    for (String key : List.of("app", "name")) {
      if (raw != null && raw.get(key) instanceof String s && !s.isBlank()) return s;
    }
    return caller.org();
  }

  private void authorize(Grant caller, String app) {
    if (allowedPrefixes.stream().noneMatch(app::startsWith)) {
      throw ToolException.refused("app '" + app + "' is outside the org allow-list ("
          + allowedPrefixes.stream().map(p -> p + "*").collect(Collectors.joining(", ")) + ")");
    }
    if (!caller.covers(app)) {
      throw ToolException.refused("app '" + app + "' is not covered by the org token of '" + caller.org() + "' ("
          + caller.prefixes().stream().map(p -> p + "*").collect(Collectors.joining(", ")) + ")");
    }
  }

  private void record(String app, Grant caller, ControlTool tool, String hash, String outcome) {
    audit.accept(new AuditEntry(app, caller.user(), tool.name(), hash, outcome, clock.get()));
  }

  private static Grant caller(McpSyncServerExchange exchange) {
    Object g = exchange.transportContext().get(io.artifact.flyemu.mcp.auth.BearerGuard.GRANT_ATTRIBUTE);
    if (g instanceof Grant grant) return grant;
    throw new IllegalStateException("no caller grant on the MCP transport context: the bearer guard did not run");
  }

  private static CallToolResult render(ToolResult r) {
    return CallToolResult.builder().structuredContent(r.structured()).addTextContent(r.summary()).isError(r.error()).build();
  }

  private static CallToolResult error(String message) {
    return CallToolResult.builder().addTextContent(message).isError(true).build();
  }
}
