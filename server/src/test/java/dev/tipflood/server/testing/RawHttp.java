package dev.tipflood.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately dumb HTTP/1.1 client on a raw socket, for requests no real client would send:
 * lying lengths, cut-off bodies, garbage framing. Loopback only.
 */
public final class RawHttp implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;

  public RawHttp(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(15_000);
    out = socket.getOutputStream();
    in = socket.getInputStream();
  }

  /** Sends bytes; a server that already answered and closed may reset the socket, which is fine. */
  public RawHttp send(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
    } catch (SocketException e) {
      // The server answered early and closed; the answer is still readable or the test fails on read.
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  /** True once the server has sent something that is waiting to be read. */
  public boolean answered() throws IOException {
    return in.available() > 0;
  }

  /** Sends bytes; false when the server has closed the connection (the write failed). */
  public boolean trySend(String text) {
    try {
      out.write(text.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public RawHttp send(String text) {
    return send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Half-closes: the server sees end of stream. */
  public void shutdownOutput() throws IOException {
    socket.shutdownOutput();
  }

  /** Reads one response (status, headers, Content-Length body). */
  public Response read() throws IOException {
    String statusLine = line();
    if (statusLine == null) {
      throw new IOException("connection closed without a response");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h = line(); h != null && !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
  }

  /** True when the server closed the connection (end of stream or reset) within the socket timeout. */
  public boolean closedByServer() throws IOException {
    try {
      return in.read() == -1;
    } catch (SocketException e) {
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** A parsed response. */
  public record Response(int status, Map<String, String> headers, String body) {
    /** The error code of a JSON error body, or null. */
    public String errorCode() {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"code\":\"([a-z_]+)\"").matcher(body);
      return m.find() ? m.group(1) : null;
    }
  }
}
