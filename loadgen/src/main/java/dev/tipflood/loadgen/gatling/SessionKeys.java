package dev.tipflood.loadgen.gatling;

/** Names of the session attributes tipflood uses; all start with {@code tf_}. */
final class SessionKeys {
  /** The user's {@link Tip}: everything tipflood keeps per user, but what Gatling's checks save. */
  static final String TIP = "tf_tip";
  static final String STATUS = "tf_status";
  static final String RETRY_AFTER = "tf_retryAfter";
  /** The {@code Location} of the answer: a 201's names the tip, for the acknowledged-tip log. */
  static final String LOCATION = "tf_location";

  private SessionKeys() {
  }
}
