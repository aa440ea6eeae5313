package io.artifact.flyemu.http;

/** What every embedded listener (Machines API, edge, private network, apps) implements. */
@FunctionalInterface
public interface HttpHandler {
  HttpResponse handle(HttpRequest request) throws Exception;
}
