package dev.tipflood.server.api.upload;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.error.ErrorCode;
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

  /** A media part's temp file could not be written: the disk is full. Nothing is acknowledged. */
  static ApiException diskFull() {
    return ApiException.retryLater(ErrorCode.DISK_FULL, "the server's disk is full; nothing was stored, retry later",
        DiskFull.RETRY_AFTER);
  }

  static ApiException disconnected() {
    return ApiException.of(ErrorCode.BODY_TRUNCATED, "the client disconnected before the body was complete");
  }
}
