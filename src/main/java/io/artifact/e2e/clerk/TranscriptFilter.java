package io.artifact.e2e.clerk;

import io.artifact.e2e.evidence.Redactor;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.function.Consumer;

/** Hands every exchange to the listener as text, redacted before it leaves this class. */
final class TranscriptFilter implements Filter {

  private final Consumer<String> listener;
  private final Redactor redactor;

  TranscriptFilter(Consumer<String> listener, Redactor redactor) {
    this.listener = listener;
    this.redactor = redactor;
  }

  @Override
  public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext ctx) {
    StringBuilder text = new StringBuilder("→ ").append(request.getMethod()).append(' ').append(request.getURI()).append('\n');
    request.getHeaders().forEach(h -> text.append("  ").append(h.getName()).append(": ").append(h.getValue()).append('\n'));
    if (request.getBody() != null) text.append("  ").append(request.<Object>getBody()).append('\n');
    long start = System.nanoTime();
    try {
      Response response = ctx.next(request, responseSpec);
      text.append("← ").append(response.getStatusCode()).append(" (").append((System.nanoTime() - start) / 1_000_000).append(" ms)\n");
      String body = response.asString();
      if (!body.isEmpty()) text.append("  ").append(body).append('\n');
      return response;
    } catch (RuntimeException e) {
      text.append("← no answer: ").append(e.getMessage()).append('\n');
      throw e;
    } finally {
      listener.accept(redactor.redact(text.toString()));
    }
  }
}
