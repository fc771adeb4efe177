package dev.tipflood.server.defence.http;

import dev.tipflood.server.testing.Multipart;
import dev.tipflood.server.testing.TestServer;
import dev.tipflood.server.testing.TipHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Loopback HTTP helpers for the defence tests: tips from a given address and device, and admin calls. */
final class DefenceHttp {

  private DefenceHttp() {}

  static String metadata(String device) {
    return Multipart.VALID_METADATA.replace("device-0001", device);
  }

  /** POSTs a tip with one media file of {@code mediaBytes} from {@code address} as {@code device}, labelled {@code truth}. */
  static HttpResponse<String> tip(TestServer s, String address, String device, int mediaBytes, String truth) {
    byte[] body = new Multipart().field("metadata", metadata(device))
        .file("media", "a.jpg", "image/jpeg", Multipart.bytes(mediaBytes)).build();
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/api/v1/tips"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "multipart/form-data; boundary=" + Multipart.BOUNDARY)
        .header("X-Forwarded-For", address)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (truth != null) {
      b.header("X-Tipflood-Truth", truth).header("X-Tipflood-Population", truth.equals("junk") ? "fans" : "citizens")
          .header("X-Tipflood-Seq", "1").header("X-Tipflood-Attempt", "1");
    }
    return send(b.build());
  }

  static HttpResponse<String> admin(TestServer s, String method, String path, String json, boolean token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.adminPort() + path))
        .timeout(Duration.ofSeconds(10))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    if (token) {
      b.header("Authorization", "Bearer " + TestServer.TOKEN);
    }
    return send(b.build());
  }

  private static HttpResponse<String> send(HttpRequest r) {
    return TipHttp.send(r);
  }
}
