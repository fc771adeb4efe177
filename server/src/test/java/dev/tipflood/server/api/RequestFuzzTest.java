package dev.tipflood.server.api;

import dev.tipflood.server.api.error.ErrorCode;
import static dev.tipflood.server.testing.Multipart.VALID_METADATA;
import static dev.tipflood.server.testing.Multipart.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tipflood.server.testing.Multipart;
import dev.tipflood.server.testing.RawHttp;
import dev.tipflood.server.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation fuzzing of the tip POST over a raw loopback socket: valid requests (metadata and a
 * photo) with random bytes flipped, inserted, deleted, duplicated or cut, Content-Type
 * parameters garbled and Content-Length left stale. Bounded: a fixed seed and request count
 * ({@code -Dtipflood.fuzz.seed=N -Dtipflood.fuzz.requests=M} for a longer campaign by hand).
 *
 * <p>Whatever arrives, the server must answer with a catalogued error code and that code's
 * status (never a 5xx), or close the connection; and afterwards every acknowledged tip must be
 * readable with exactly the media files on disk that its record lists, with no temp file left.
 */
class RequestFuzzTest {
  private static final long SEED = Long.getLong("tipflood.fuzz.seed", 20200601L);
  private static final int REQUESTS = Integer.getInteger("tipflood.fuzz.requests", 240);
  private static final byte[] JPEG = bytes(1500);
  private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f]{26})\"");
  private static final Pattern MEDIA_ITEM = Pattern.compile("\"sha256\"");

  @TempDir
  Path dataDir;

  @Test
  void mutatedUploadsGetCataloguedAnswersAndLoseOrLeakNothing() throws Exception {
    try (TestServer server = TestServer.start(dataDir, MalformedRequestTest.PROFILE)) {
      SplittableRandom random = new SplittableRandom(SEED);
      Map<String, Integer> seen = new TreeMap<>();
      List<String> acknowledged = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        Mutant m = mutant(random);
        String result = exchange(server.port(), m, acknowledged);
        seen.merge(result, 1, Integer::sum);
      }
      // The fuzzer must reach both sides: acknowledged tips and many different rejections.
      assertThat(seen).as("outcomes %s", seen).containsKey("201");
      assertThat(seen.keySet().stream().filter(k -> !k.equals("201")).count()).as("outcomes %s", seen)
          .isGreaterThanOrEqualTo(4);

      await().atMost(Duration.ofSeconds(10)).untilAsserted(
          () -> assertThat(server.tempFiles()).as("temp files left behind").isZero());
      long listed = 0;
      for (String id : acknowledged) {
        try (RawHttp http = new RawHttp(server.port())) {
          RawHttp.Response r = http.send("GET /api/v1/tips/" + id + " HTTP/1.1\r\nHost: x\r\n\r\n").read();
          assertThat(r.status()).as("acknowledged tip %s", id).isEqualTo(200);
          Matcher items = MEDIA_ITEM.matcher(r.body());
          while (items.find()) {
            listed++;
          }
        }
      }
      assertThat(server.mediaFiles()).as("media files on disk vs media of acknowledged tips").isEqualTo(listed);
      System.out.println("RequestFuzzTest: seed " + SEED + ", " + REQUESTS + " mutated uploads, outcomes " + seen);
    }
  }

  /** Sends one mutant; returns the status it got, or "closed" when the server closed without one. */
  private static String exchange(int port, Mutant m, List<String> acknowledged) throws IOException {
    try (RawHttp http = new RawHttp(port)) {
      http.send(m.bytes());
      RawHttp.Response r;
      try {
        r = http.read();
      } catch (SocketTimeoutException e) {
        throw new AssertionError("no answer within 15 s to " + m.describe(), e);
      } catch (IOException e) {
        return "closed"; // e.g. the head itself was cut: the server may close without a response
      }
      if (r.status() == 201) {
        Matcher id = ID.matcher(r.body());
        assertThat(id.find()).as("201 body %s", r.body()).isTrue();
        acknowledged.add(id.group(1));
        return "201";
      }
      String code = r.errorCode();
      assertThat(code).as("JSON error code for %d %s from %s", r.status(), r.body(), m.describe()).isNotNull();
      ErrorCode known = Arrays.stream(ErrorCode.values()).filter(c -> c.wireName().equals(code)).findFirst()
          .orElseThrow(() -> new AssertionError("uncatalogued code " + code + " from " + m.describe()));
      assertThat(r.status()).as("%s from %s", code, m.describe()).isEqualTo(known.status()).isLessThan(500);
      return r.status() + " " + code;
    }
  }

  private record Mutant(String head, byte[] body, List<String> steps) {
    byte[] bytes() {
      return Multipart.concat(head.getBytes(StandardCharsets.ISO_8859_1), body);
    }

    String describe() {
      return String.join(", ", steps) + " | head: " + head.replace("\r\n", "\\r\\n");
    }
  }

  private static Mutant mutant(SplittableRandom random) {
    String boundary = Multipart.BOUNDARY;
    byte[] body = new Multipart().field("metadata", VALID_METADATA).file("media", "photo.jpg", "image/jpeg", JPEG)
        .build();
    List<String> steps = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      int kind = body.length == 0 ? 5 : random.nextInt(6); // nothing left to mutate but the head
      int at = body.length == 0 ? 0 : random.nextInt(body.length);
      int length = body.length == 0 ? 0 : 1 + random.nextInt(Math.min(64, body.length - at));
      switch (kind) {
        case 0 -> {
          body = body.clone();
          body[at] ^= (byte) (1 << random.nextInt(8));
          steps.add("flip@" + at);
        }
        case 1 -> {
          body = splice(body, at, length, new byte[0]);
          steps.add("delete@" + at + "+" + length);
        }
        case 2 -> {
          body = splice(body, at, 0, Arrays.copyOfRange(body, at, at + length));
          steps.add("duplicate@" + at + "+" + length);
        }
        case 3 -> {
          byte[] junk = new byte[1 + random.nextInt(16)];
          String alphabet = "\r\n-\"; =:\\{}[],0a\u00ff";
          for (int j = 0; j < junk.length; j++) {
            junk[j] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
          }
          body = splice(body, at, 0, junk);
          steps.add("insert@" + at + "+" + junk.length);
        }
        case 4 -> {
          body = Arrays.copyOf(body, at);
          steps.add("cut@" + at);
        }
        default -> {
          boundary = garble(boundary, random);
          steps.add("content-type");
        }
      }
    }
    boolean stale = random.nextInt(4) == 0;
    long contentLength = stale ? body.length + random.nextInt(-40, 41) : body.length;
    if (stale) {
      steps.add("content-length " + contentLength + " for " + body.length + " bytes");
    }
    String head = "POST /api/v1/tips HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType(boundary)
        + "\r\nContent-Length: " + Math.max(0, contentLength) + "\r\n\r\n";
    return new Mutant(head, body, steps);
  }

  /** A Content-Type value around {@code boundary}, sometimes garbled (marked by a leading '!'). */
  private static String contentType(String boundary) {
    return boundary.startsWith("!") ? boundary.substring(1) : "multipart/form-data; boundary=" + boundary;
  }

  private static String garble(String boundary, SplittableRandom random) {
    List<Function<String, String>> variants = List.of(
        b -> "!multipart/form-data",
        b -> "!multipart/form-data; boundary=",
        b -> "!multipart/form-data; boundary=\"" + b + "\"; charset=utf-8",
        b -> "!MULTIPART/FORM-DATA;BOUNDARY=" + b,
        b -> "!;",
        b -> "!multipart/mixed; boundary=" + b,
        b -> "!multipart/form-data; boundary=" + b + "x",
        b -> "!multipart/form-data; boundary=" + b.substring(0, b.length() / 2),
        b -> "!multipart/form-data; boundary=a{b}",
        b -> "!text/plain");
    return variants.get(random.nextInt(variants.size())).apply(boundary.replace("!", ""));
  }

  private static byte[] splice(byte[] body, int at, int remove, byte[] insert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + insert.length);
    out.write(body, 0, at);
    out.writeBytes(insert);
    out.write(body, at + remove, body.length - at - remove);
    return out.toByteArray();
  }
}
