package dev.tipflood.server.measure.truth;

import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The truth headers the load generator sends, and their parsing. The names are deliberately not
 * compile-time constants: a use outside the measurement package then shows up as a dependency
 * that the architecture test rejects, instead of being inlined out of sight.
 */
public final class TruthHeaders {

  public static final String TRUTH = name("X-Tipflood-Truth");
  public static final String POPULATION = name("X-Tipflood-Population");
  public static final String SEQ = name("X-Tipflood-Seq");
  public static final String ATTEMPT = name("X-Tipflood-Attempt");

  private static final Pattern POPULATION_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private TruthHeaders() {}

  private static String name(String header) {
    return new String(header);
  }

  /** The outcome of reading the headers: a label, nothing (no truth header), or an error. */
  public record Parsed(Optional<TruthLabel> label, Optional<String> error) {
    static Parsed none() {
      return new Parsed(Optional.empty(), Optional.empty());
    }

    static Parsed error(String message) {
      return new Parsed(Optional.empty(), Optional.of(message));
    }
  }

  /**
   * Reads the truth headers through {@code header} (name to value, null when absent). A request
   * with none of them is unlabelled; one with some but not all, or with a bad value, is an error
   * that names the header: it is a load generator bug and must not be scored silently.
   */
  public static Parsed parse(UnaryOperator<String> header) {
    String truth = header.apply(TRUTH);
    String population = header.apply(POPULATION);
    String seq = header.apply(SEQ);
    String attempt = header.apply(ATTEMPT);
    if (truth == null && population == null && seq == null && attempt == null) {
      return Parsed.none();
    }
    if (truth == null) {
      return Parsed.error(TRUTH + " is missing; it must be legit or junk");
    }
    Optional<Truth> parsedTruth = Truth.fromWire(truth);
    if (parsedTruth.isEmpty()) {
      return Parsed.error(TRUTH + " must be legit or junk, was '" + truth + "'");
    }
    if (population == null || !POPULATION_NAME.matcher(population).matches()) {
      return Parsed.error(
          POPULATION + " must be 1-64 characters of [A-Za-z0-9._-], was "
              + (population == null ? "missing" : "'" + population + "'"));
    }
    long parsedSeq = parseNumber(seq, 0);
    if (parsedSeq < 0) {
      return Parsed.error(SEQ + " must be a whole number >= 0, was " + quoted(seq));
    }
    long parsedAttempt = attempt == null ? 1 : parseNumber(attempt, 1);
    if (parsedAttempt < 1 || parsedAttempt > Integer.MAX_VALUE) {
      return Parsed.error(ATTEMPT + " must be a whole number >= 1, was " + quoted(attempt));
    }
    return new Parsed(
        Optional.of(new TruthLabel(parsedTruth.get(), population, parsedSeq, (int) parsedAttempt)),
        Optional.empty());
  }

  private static String quoted(String value) {
    return value == null ? "missing" : "'" + value + "'";
  }

  /** @return the number, or -1 if absent or not a whole number >= min */
  private static long parseNumber(String value, long min) {
    if (value == null || value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    long n = Long.parseLong(value);
    return n >= min ? n : -1;
  }
}
