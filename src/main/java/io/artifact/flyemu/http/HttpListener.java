package io.artifact.flyemu.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import jakarta.servlet.http.HttpServlet;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
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
    return start(name, 0, handler);
  }

  // A plain Jetty handler, not a servlet: dropping the servlet layer cut the bench's server CPU per request by ~20-30%.
  public static HttpListener start(String name, int port, HttpHandler handler) {
    return start(name, port, new Dispatcher(handler));
  }

  public static HttpListener startServlet(String name, int port, String path, HttpServlet servlet) {
    ServletContextHandler context = new ServletContextHandler();
    ServletHolder holder = new ServletHolder(servlet);
    holder.setAsyncSupported(true);
    context.addServlet(holder, path);
    return start(name, port, context);
  }

  private static HttpListener start(String name, int port, Handler handler) {
    QueuedThreadPool pool = new QueuedThreadPool(200, 4);
    pool.setName("e2e-" + name);
    pool.setDaemon(true);
    Server server = new Server(pool);
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(handler);
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

  /** Adapts Jetty's request to our records, and back. Blocking: handlers may wait (a Machine's boot, say). */
  private static final class Dispatcher extends Handler.Abstract {
    private final HttpHandler handler;

    Dispatcher(HttpHandler handler) {
      this.handler = handler;
    }

    @Override
    public boolean handle(Request req, Response resp, Callback callback) throws Exception {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (HttpField f : req.getHeaders()) headers.computeIfAbsent(f.getName(), k -> new ArrayList<>()).add(f.getValue());
      // the raw (still encoded) path, as a servlet's getRequestURI gives it; Routes decodes parameters
      HttpRequest request = new HttpRequest(req.getMethod(), req.getHttpURI().getScheme(), Request.getServerName(req),
          Request.getServerPort(req), req.getHttpURI().getPath(), req.getHttpURI().getQuery(), headers,
          Content.Source.asInputStream(req).readAllBytes());
      HttpResponse response;
      try {
        response = handler.handle(request);
      } catch (ConnectionAbort e) {
        // no answer: the socket just closes under the client, as a reset or a dropped link would
        req.getConnectionMetaData().getConnection().getEndPoint().close();
        callback.succeeded(); // nothing can be written any more; failing it would only log a 500 nobody receives
        return true;
      } catch (Exception e) {
        String message = new String(JsonStringEncoder.getInstance().quoteAsString("internal: " + e.getMessage()));
        response = HttpResponse.json(500, "{\"error\":\"" + message + "\"}");
      }
      resp.setStatus(response.status());
      response.headers().forEach((k, vs) -> vs.forEach(v -> resp.getHeaders().add(k, v)));
      resp.write(true, ByteBuffer.wrap(response.body()), callback);
      return true;
    }
  }
}
