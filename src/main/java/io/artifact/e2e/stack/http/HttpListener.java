package io.artifact.e2e.stack.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The only place Jetty appears: one loopback listener serving one {@link HttpHandler} (or, for
 * MCP, one servlet). Everything behind it sees {@link HttpRequest}/{@link HttpResponse} only.
 */
public final class HttpListener implements AutoCloseable {

  private final Server server;
  private final String name;

  private HttpListener(String name, Server server) {
    this.name = name;
    this.server = server;
  }

  public static HttpListener start(String name, HttpHandler handler) {
    return start(name, 0, "/*", new Dispatcher(handler));
  }

  public static HttpListener start(String name, int port, HttpHandler handler) {
    return start(name, port, "/*", new Dispatcher(handler));
  }

  public static HttpListener startServlet(String name, int port, String path, HttpServlet servlet) {
    return start(name, port, path, servlet);
  }

  private static HttpListener start(String name, int port, String path, HttpServlet servlet) {
    QueuedThreadPool pool = new QueuedThreadPool(200, 4);
    pool.setName("e2e-" + name);
    pool.setDaemon(true);
    Server server = new Server(pool);
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    ServletHolder holder = new ServletHolder(servlet);
    holder.setAsyncSupported(true);
    context.addServlet(holder, path);
    server.setHandler(context);
    // No graceful phase: it waits for every connection to close, and a client's idle keep-alive
    // connection never does, so stop() would time out and throw. In-flight requests just end.
    server.setStopTimeout(0);
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the " + name + " listener on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
    return new HttpListener(name, server);
  }

  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public String name() {
    return name;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop the " + name + " listener: " + e.getMessage(), e);
    }
  }

  /** Adapts Jetty's servlet request to our records, and back. */
  private static final class Dispatcher extends HttpServlet {
    private final transient HttpHandler handler;

    Dispatcher(HttpHandler handler) {
      this.handler = handler;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (String h : Collections.list(req.getHeaderNames())) headers.put(h, new ArrayList<>(Collections.list(req.getHeaders(h))));
      String path = req.getRequestURI();
      HttpRequest request = new HttpRequest(req.getMethod(), req.getScheme(), req.getServerName(), req.getServerPort(),
          path, req.getQueryString(), headers, req.getInputStream().readAllBytes());
      HttpResponse response;
      try {
        response = handler.handle(request);
      } catch (Exception e) {
        response = HttpResponse.json(500, "{\"error\":\"internal: " + String.valueOf(e.getMessage()).replace("\"", "'") + "\"}");
      }
      resp.setStatus(response.status());
      response.headers().forEach((k, vs) -> vs.forEach(v -> resp.addHeader(k, v)));
      if (response.body().length > 0) resp.getOutputStream().write(response.body());
    }
  }
}
