package dev.tipflood.server.api;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.api.error.ErrorResponder;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;

/**
 * Request smuggling (RFC 9112 6.1, 6.3): a body whose framing two HTTP parsers could read
 * differently must never leave bytes behind that are then read as a request of their own.
 * <ul>
 *   <li>more than one Transfer-Encoding, or one other than exactly {@code chunked}: {@code 400
 *       http_malformed}, and the connection is closed;</li>
 *   <li>any chunked request: answered, then the connection is closed ({@code Connection: close}).
 *       RFC 9112 requires that after Content-Length plus Transfer-Encoding, and Netty's decoder
 *       drops the Content-Length before any handler sees it, so every chunked request is treated
 *       alike. Phones upload with a Content-Length; a chunked upload only loses keep-alive.</li>
 * </ul>
 * Two different Content-Lengths are refused by the HTTP decoder itself; an obsolete folded line
 * is unfolded into a space (RFC 9112 5.2), so a folded Transfer-Encoding lands here too.
 */
final class FramingGuard implements Handler<RoutingContext> {
  @Override
  public void handle(RoutingContext ctx) {
    if (!ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
      ctx.next();
      return;
    }
    String problem = problem(ctx.request().headers());
    if (problem == null) {
      ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
      ctx.addEndHandler(v -> ctx.request().connection().close());
      ctx.next();
      return;
    }
    ApiException e = ApiException.of(ErrorCode.HTTP_MALFORMED, "ambiguous body framing: " + problem);
    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
    ErrorResponder.send(ctx.request(), e).onComplete(ar -> ctx.request().connection().close());
  }

  /** Why the framing is ambiguous, or null when it is not. */
  static String problem(MultiMap headers) {
    List<String> te = headers.getAll(HttpHeaders.TRANSFER_ENCODING);
    if (te.isEmpty()) {
      return null;
    }
    if (headers.contains(HttpHeaders.CONTENT_LENGTH)) {
      return "both Content-Length and Transfer-Encoding"; // should the decoder ever keep both
    }
    if (te.size() > 1) {
      return te.size() + " Transfer-Encoding headers";
    }
    if (!te.get(0).trim().toLowerCase(Locale.ROOT).equals("chunked")) {
      return "Transfer-Encoding '" + te.get(0) + "' (only 'chunked' is accepted)";
    }
    return null;
  }
}
