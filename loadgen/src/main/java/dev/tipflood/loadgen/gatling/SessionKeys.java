package dev.tipflood.loadgen.gatling;

/** Names of the session attributes tipflood uses; all start with {@code tf_}. */
final class SessionKeys {
  static final String SEQ = "tf_seq";
  static final String SOURCE_IP = "tf_ip";
  static final String METADATA = "tf_metadata";
  static final String MEDIA_COUNT = "tf_mediaCount";
  static final String BODY_BYTES = "tf_bodyBytes";
  /** Where Gatling started the user, from the start of the injection. */
  static final String OFFSET_MICROS = "tf_offsetMicros";
  /** When the tip arrives (is sent), on the same scale: the schedule's arrival plus the lead. */
  static final String ARRIVAL_MICROS = "tf_arrivalMicros";
  static final String INTENDED_NANOS = "tf_intendedNanos";
  static final String FIRST_SEND_NANOS = "tf_firstSendNanos";
  static final String SEND_NANOS = "tf_sendNanos";
  static final String ATTEMPT = "tf_attempt";
  static final String AGAIN = "tf_again";
  static final String BACKOFF_MILLIS = "tf_backoffMillis";
  static final String STATUS = "tf_status";
  static final String RETRY_AFTER = "tf_retryAfter";
  static final String REQUEST_NAME = "tf_requestName";
  /** The id of a 201's body, for the acknowledged-tip log. */
  static final String TIP_ID = "tf_tipId";

  private SessionKeys() {
  }

  static String mediaPath(int i) {
    return "tf_media" + i + "_path";
  }

  static String mediaType(int i) {
    return "tf_media" + i + "_type";
  }

  static String mediaName(int i) {
    return "tf_media" + i + "_name";
  }
}
