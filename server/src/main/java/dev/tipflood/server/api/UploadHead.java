package dev.tipflood.server.api;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.api.upload.MultipartContentType;
import dev.tipflood.server.config.Profile;
import dev.tipflood.server.model.storage.UploadGovernor;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * The checks an upload's request head gets before any body byte is read, shared by the tip POST
 * and a deferred tip's media upload: a multipart Content-Type with a boundary, and a declared
 * Content-Length within the request cap and the storage quota.
 */
final class UploadHead {
  private UploadHead() {}

  /** The multipart boundary; fails with the precise error when the head is not acceptable. */
  static String check(HttpServerRequest request, Profile profile, UploadGovernor uploads) {
    String boundary = MultipartContentType.boundary(request.getHeader(HttpHeaders.CONTENT_TYPE));
    checkContentLength(request.getHeader(HttpHeaders.CONTENT_LENGTH), profile, uploads);
    return boundary;
  }

  private static void checkContentLength(String header, Profile profile, UploadGovernor uploads) {
    if (header == null) {
      return;
    }
    long length;
    try {
      length = Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      throw ApiException.of(ErrorCode.HTTP_MALFORMED, "Content-Length '" + header + "' is not a number");
    }
    if (profile.limits().maxRequestBytes().isExceededBy(length)) {
      throw ApiException.of(ErrorCode.PAYLOAD_TOO_LARGE, "Content-Length " + length + " exceeds the limit of "
          + profile.limits().maxRequestBytes() + " bytes");
    }
    if (!uploads.admits(length)) {
      throw ApiException.of(ErrorCode.STORAGE_QUOTA_EXCEEDED, "storage is full (storage.quota): Content-Length "
          + length + " does not fit");
    }
  }

  /** Answers {@code Expect: 100-continue} once the head has passed every check. */
  static void continueIfExpected(HttpServerRequest request) {
    if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
      request.response().writeContinue();
    }
  }
}
