package io.artifact.flyemu.external;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import io.artifact.flyemu.http.HttpRequest;
import io.artifact.flyemu.http.HttpResponse;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A minimal HTTP/1.1 client on a plain socket, for passing a request on exactly. The JDK clients
 * will not send a caller's Host header, and the router routes by it (stack-contract.md §2.1), so
 * this one writes the request itself: one connection per request ({@code Connection: close}),
 * bodies by Content-Length or chunked. Hop-by-hop headers are not forwarded, as a proxy must not.
 */
final class HttpForwarder {

  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "proxy-authorization",
      "te", "trailer", "transfer-encoding", "upgrade", "content-length", "host");
  private static final int MAX_LINE = 64 * 1024;

  private final Duration connectTimeout;
  private final Duration readTimeout;

  HttpForwarder(Duration connectTimeout, Duration readTimeout) {
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
  }

  HttpResponse forward(URI base, HttpRequest request) throws IOException {
    try (Socket socket = open(base)) {
      OutputStream out = new BufferedOutputStream(socket.getOutputStream());
      out.write(head(base, request).getBytes(ISO_8859_1));
      out.write(request.body());
      out.flush();
      return read(new BufferedInputStream(socket.getInputStream()), request.method());
    }
  }

  private Socket open(URI base) throws IOException {
    boolean tls = "https".equals(base.getScheme());
    int port = base.getPort() > 0 ? base.getPort() : tls ? 443 : 80;
    Socket plain = new Socket();
    try {
      plain.connect(new InetSocketAddress(base.getHost(), port), (int) connectTimeout.toMillis());
      plain.setSoTimeout((int) readTimeout.toMillis());
      if (!tls) return plain;
      SSLSocket s = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, base.getHost(), port, true);
      SSLParameters p = s.getSSLParameters();
      p.setEndpointIdentificationAlgorithm("HTTPS");
      s.setSSLParameters(p);
      return s;
    } catch (IOException | RuntimeException e) {
      plain.close();
      throw e;
    }
  }

  private static String head(URI base, HttpRequest r) {
    String prefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
    String path = r.path().isEmpty() ? "/" : r.path();
    StringBuilder h = new StringBuilder(r.method()).append(' ').append(prefix).append(path)
        .append(r.rawQuery().isEmpty() ? "" : "?" + r.rawQuery()).append(" HTTP/1.1\r\n");
    h.append("Host: ").append(r.header("host").orElse(r.host())).append("\r\n");
    r.headers().forEach((name, values) -> {
      if (!HOP_BY_HOP.contains(name)) values.forEach(v -> h.append(name).append(": ").append(v).append("\r\n"));
    });
    if (r.body().length > 0 || Set.of("POST", "PUT", "PATCH").contains(r.method())) {
      h.append("Content-Length: ").append(r.body().length).append("\r\n");
    }
    return h.append("Connection: close\r\n\r\n").toString();
  }

  private static HttpResponse read(InputStream in, String method) throws IOException {
    while (true) {
      String statusLine = line(in);
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/")) throw new IOException("not an HTTP response: " + statusLine);
      int status = Integer.parseInt(parts[1]);
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (String l = line(in); !l.isEmpty(); l = line(in)) {
        int colon = l.indexOf(':');
        if (colon <= 0) continue;
        headers.computeIfAbsent(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(l.substring(colon + 1).trim());
      }
      if (status >= 100 && status < 200) continue; // interim (100 Continue): the real answer follows
      byte[] body = body(in, method, status, headers);
      headers.keySet().removeIf(HOP_BY_HOP::contains);
      return new HttpResponse(status, headers, body);
    }
  }

  private static byte[] body(InputStream in, String method, int status, Map<String, List<String>> headers) throws IOException {
    if (method.equals("HEAD") || status == 204 || status == 304) return new byte[0];
    if (headers.getOrDefault("transfer-encoding", List.of()).stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
      return chunked(in);
    }
    List<String> length = headers.get("content-length");
    if (length != null && !length.isEmpty()) return exactly(in, Integer.parseInt(length.get(0).trim()));
    return in.readAllBytes(); // no length: the body ends when the server closes
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line(in);
      int semi = size.indexOf(';');
      int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
      if (n == 0) {
        while (!line(in).isEmpty()) { } // trailers: dropped
        return body.toByteArray();
      }
      body.write(exactly(in, n));
      line(in);
    }
  }

  private static byte[] exactly(InputStream in, int n) throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length < n) throw new EOFException("response body ended after " + b.length + " of " + n + " bytes");
    return b;
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream l = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) throw new EOFException("connection closed mid-response");
      if (l.size() >= MAX_LINE) throw new IOException("response line longer than " + MAX_LINE + " bytes");
      l.write(c);
    }
    String s = l.toString(ISO_8859_1);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }
}
