package dev.tipflood.server.api.upload;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.api.upload.multipart.MultipartException;
import dev.tipflood.server.config.Profile;
import dev.tipflood.server.storage.DiskFull;

/** The errors an upload session answers with, each naming the cap it broke. */
final class UploadErrors {
  private UploadErrors() {}

  static ApiException tooManyParts(Profile profile) {
    return ApiException.of(ErrorCode.TOO_MANY_PARTS, "the body has more than " + profile.limits().maxParts()
        + " parts (metadata included)");
  }

  static ApiException metadataTooLarge(Profile profile) {
    return ApiException.of(ErrorCode.METADATA_TOO_LARGE, "the metadata part exceeds the limit of "
        + profile.limits().maxMetadataBytes());
  }

  static ApiException unknownPart(String name) {
    return ApiException.of(ErrorCode.UNKNOWN_PART, "unknown part '" + name
        + "'; a tip has one 'metadata' part and zero or more 'media' file parts");
  }

  /** A 'metadata' part in a deferred tip's media upload: its text is already stored. */
  static ApiException metadataWithMedia() {
    return ApiException.of(ErrorCode.UNKNOWN_PART, "a media upload takes 'media' file parts only; the tip's "
        + "metadata is already stored");
  }

  /** A deferred tip's media upload without any media part. */
  static ApiException mediaMissing() {
    return ApiException.of(ErrorCode.MEDIA_MISSING, "the body has no 'media' file part; send the tip's media as "
        + "parts named 'media'");
  }

  /** A media part's temp file could not be written: the disk is full. Nothing is acknowledged. */
  static ApiException diskFull() {
    return ApiException.retryLater(ErrorCode.DISK_FULL, "the server's disk is full; nothing was stored, retry later",
        DiskFull.RETRY_AFTER);
  }

  /** What a malformed multipart body is answered with. */
  static ApiException of(MultipartException error, Profile profile) {
    return switch (error.kind()) {
      case TOO_MANY_PARTS -> tooManyParts(profile);
      case TRUNCATED -> ApiException.of(ErrorCode.BODY_TRUNCATED, error.getMessage());
      case NO_BOUNDARY -> ApiException.of(ErrorCode.MULTIPART_MALFORMED, error.getMessage()
          + "; is the body framed with a different boundary than the one declared in Content-Type?");
      case MALFORMED, HEADERS_TOO_LARGE, EPILOGUE_TOO_LARGE ->
          ApiException.of(ErrorCode.MULTIPART_MALFORMED, error.getMessage());
    };
  }

  /** The answer for any failure of an upload: the API error it carries, a full disk, or an internal error. */
  static ApiException of(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ApiException a) {
        return a;
      }
    }
    if (DiskFull.causedBy(t)) {
      return diskFull();
    }
    return ApiException.of(ErrorCode.INTERNAL_ERROR, "the upload failed: " + t.getMessage());
  }

  static ApiException bodyTimeout(Profile profile, long timeoutMillis) {
    return ApiException.of(ErrorCode.BODY_TIMEOUT, "the request body made no progress (fewer than "
        + profile.ingress().slowBodyMinBytes() + ") for " + timeoutMillis + "ms (ingress.slowBodyTimeout)");
  }

  static ApiException disconnected() {
    return ApiException.of(ErrorCode.BODY_TRUNCATED, "the client disconnected before the body was complete");
  }
}
