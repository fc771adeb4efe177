package dev.tipflood.server.api.error;

import java.util.Locale;

/**
 * Every error the public and admin APIs answer with: a stable snake_case code and its status.
 * docs/server.md lists them; keep the two in step.
 */
public enum ErrorCode {
  // metadata part
  METADATA_MISSING(400),
  METADATA_DUPLICATE(400),
  METADATA_INVALID_JSON(400),
  METADATA_TOO_LARGE(413),
  FIELD_MISSING(400),
  FIELD_TYPE(400),
  UNKNOWN_FIELD(400),
  LAT_OUT_OF_RANGE(400),
  LON_OUT_OF_RANGE(400),
  DESCRIPTION_TOO_LONG(400),
  OCCURRED_AT_INVALID(400),
  DEVICE_ID_INVALID(400),
  // multipart framing
  NOT_MULTIPART(415),
  BOUNDARY_MISSING(400),
  BOUNDARY_INVALID(400),
  MULTIPART_MALFORMED(400),
  BODY_TRUNCATED(400),
  BODY_TIMEOUT(408),
  HEADER_TIMEOUT(408),
  UNKNOWN_PART(400),
  MEDIA_NOT_A_FILE(400),
  TOO_MANY_PARTS(400),
  BAD_FILENAME(400),
  EMPTY_FILE(400),
  MEDIA_MISSING(400),
  // media triage (docs/triage.md)
  MEDIA_TYPE_UNSUPPORTED(415),
  MEDIA_TYPE_MISMATCH(415),
  MEDIA_POLYGLOT(415),
  MEDIA_TOO_MANY_PIXELS(413),
  MEDIA_TOO_MANY_FRAMES(413),
  MEDIA_HEADER_INVALID(422),
  MEDIA_TRUNCATED(422),
  MEDIA_DUPLICATE(409),
  MEDIA_KNOWN_JUNK(422),
  // sizes
  LENGTH_REQUIRED(411),
  PAYLOAD_TOO_LARGE(413),
  MEDIA_TOO_LARGE(413),
  HEADERS_TOO_LARGE(431),
  URI_TOO_LONG(414),
  HTTP_MALFORMED(400),
  // routing and lookup
  NOT_FOUND(404),
  METHOD_NOT_ALLOWED(405),
  TIP_ID_INVALID(400),
  TIP_NOT_FOUND(404),
  // a deferred tip's media upload (POST /api/v1/tips/{id}/media)
  TIP_NOT_DEFERRED(409),
  MEDIA_ALREADY_UPLOADED(409),
  MEDIA_UPLOAD_IN_PROGRESS(409),
  MEDIA_WINDOW_CLOSED(409),
  MEDIA_UPLOAD_TOO_EARLY(425),
  MEDIA_STILL_DEFERRED(503),
  // admin
  UNAUTHORIZED(401),
  FORBIDDEN(403),
  DEFENCE_NOT_FOUND(404),
  SETTING_INVALID(400),
  // capacity and defences
  RATE_LIMITED(429),
  TOO_MANY_UPLOADS(429),
  CONCURRENCY_LIMITED(503),
  QUEUE_FULL(503),
  QUEUE_TIMEOUT(503),
  TOO_MANY_CONNECTIONS(503),
  OVERLOADED(503),
  STORAGE_UNAVAILABLE(503),
  STORAGE_QUOTA_EXCEEDED(507),
  DISK_FULL(507),
  TRUTH_HEADER_INVALID(400),
  INTERNAL_ERROR(500);

  private final int status;

  ErrorCode(int status) {
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** The code as sent, e.g. {@code lat_out_of_range}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
