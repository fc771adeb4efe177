package dev.tipflood.server.api.error;

/** For assertions: what an error message that quotes client input must look like. */
public final class PrintableLine {
  /** No control character (C0, DEL, C1), line or paragraph separator, or bidi format character. */
  public static final String REGEX =
      "[^\\p{Cc}\\u2028\\u2029\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]*";

  private PrintableLine() {}
}
