package dev.tipflood.loadgen.plan;

/** Shared checks for the plan records; messages name the field. */
final class Plans {
  private Plans() {
  }

  static String requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value;
  }

  static double requireShare(double value, String field) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(field + " must be within [0, 1], was " + value);
    }
    return value;
  }
}
