package io.artifact.flyemu.router;

import io.artifact.flyemu.edge.FlyReplay;
import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import io.artifact.flyemu.nfs.ComputerStore;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The router's request flow (stack-contract.md §2, DOC where §8 lists a gap): authenticate,
 * classify the host, then base domain → computer created → 307 to the computer host; computer
 * host → landing agent found or created, exec notified → 307 to the agent host; agent host →
 * instance running → 202 replay to its worker Machine.
 */
final class Router {

  private final Gate gate;
  private final ComputerStore store;
  private final ExecPort exec;
  private final AgentLanding landing;
  private final RouterSettings settings;
  private final UnaryOperator<String> replayTarget;
  private final Consumer<String> logError;

  Router(Gate gate, ComputerStore store, ExecPort exec, AgentLanding landing, RouterSettings settings,
      UnaryOperator<String> replayTarget, Consumer<String> logError) {
    this.logError = logError;
    this.gate = gate;
    this.store = store;
    this.exec = exec;
    this.landing = landing;
    this.settings = settings;
    this.replayTarget = replayTarget;
  }

  HttpResponse handle(HttpRequest r) {
    try {
      return route(r);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return HttpResponse.text(503, "router is shutting down");
    } catch (RuntimeException e) {
      return RouterErrors.toResponse(e, logError);
    }
  }

  private HttpResponse route(HttpRequest r) throws InterruptedException {
    Gate.Outcome auth = gate.check(r);
    if (!auth.signedIn()) return auth.rejection();
    String user = auth.computerId();
    Host host = Hostnames.classify(r.host(), settings.domain());
    if (host instanceof Host.Computer c) return computer(r, user, c.computer());
    if (host instanceof Host.Agent a) return agent(user, a.agent(), a.computer());
    String computer = store.upsertComputer(user);
    return redirect(r, computer + "." + settings.domain());
  }

  private HttpResponse computer(HttpRequest r, String user, String computer) {
    if (!computer.equals(user)) return forbidden(computer);
    if (!store.computerExists(computer)) return HttpResponse.text(404, "Computer not found");
    String agent = store.upsertLandingAgent(computer);
    exec.notify(computer);
    return redirect(r, agent + "--" + computer + "." + settings.domain());
  }

  private HttpResponse agent(String user, String agent, String computer) throws InterruptedException {
    if (!computer.equals(user)) return forbidden(computer);
    if (!store.agentExists(computer, agent)) return HttpResponse.text(404, "Agent not found");
    return FlyReplay.toInstance(settings.poolApp(), replayTarget.apply(landing.land(computer, agent))).toResponse();
  }

  /** No access check exists in the real router (G7); the docs imply one: only your own computer. */
  private static HttpResponse forbidden(String computer) {
    return HttpResponse.text(403, "Forbidden: computer " + computer + " belongs to another user");
  }

  private static HttpResponse redirect(HttpRequest r, String host) {
    return HttpResponse.redirect(307, r.withHost(host, r.port()).url());
  }
}
