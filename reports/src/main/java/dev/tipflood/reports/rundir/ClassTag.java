package dev.tipflood.reports.rundir;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The tag of one histogram line, {@code pop=<population>;ep=<request>;out=<outcome>} (values
 * URL-encoded), as written by the client recorder and the server's measurement plane.
 *
 * @param population population name, or {@code unlabelled}
 * @param request    {@code submit-tip}, {@code submit-tip-retry}, {@code tip} (client) or {@code tips.post}, ... (server)
 * @param outcome    HTTP status ({@code 201}), {@code timeout}, {@code connection-error} or {@code reset}
 */
public record ClassTag(String population, String request, String outcome) {
  public ClassTag {
    Objects.requireNonNull(population, "population");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** Parses a tag; throws {@link IllegalArgumentException} naming the missing key. */
  public static ClassTag parse(String tag) {
    Map<String, String> kv = new HashMap<>();
    for (String part : tag.split(";")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("tag part '" + part + "' is not key=value");
      }
      kv.put(part.substring(0, eq), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
    }
    for (String key : new String[] {"pop", "ep", "out"}) {
      if (!kv.containsKey(key)) {
        throw new IllegalArgumentException("tag '" + tag + "' has no " + key + "=");
      }
    }
    return new ClassTag(kv.get("pop"), kv.get("ep"), kv.get("out"));
  }

  /** True for a 2xx status. */
  public boolean accepted() {
    return outcome.length() == 3 && outcome.charAt(0) == '2' && Character.isDigit(outcome.charAt(1));
  }

  /** True for an HTTP status (an answer), false for timeout, connection error or reset. */
  public boolean answered() {
    return outcome.length() == 3 && outcome.chars().allMatch(Character::isDigit);
  }
}
