package dev.tipflood.server.api.upload;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.storage.UploadGovernor;
import io.vertx.ext.web.RoutingContext;

/**
 * What the defences do inside an upload's body: a check once the metadata part is complete, and
 * pacing (or cutting) of the media bytes before they reach storage. {@link #NONE} when the
 * profile has no defence acting in the body: the upload path is then exactly the plain one.
 */
@FunctionalInterface
public interface UploadGuard {
  UploadGuard NONE = ctx -> Body.NONE;

  /** The guard of one request. */
  Body forRequest(RoutingContext ctx);

  /** One request's body guard; used on the request's event loop only. */
  interface Body {
    Body NONE = new Body() {
      @Override
      public ApiException onMetadata(String json) {
        return null;
      }

      @Override
      public UploadGovernor.Allowance wrap(UploadGovernor.Allowance allowance) {
        return allowance;
      }
    };

    /** The metadata part is complete; null to go on, else why the tip is refused (nothing is stored). */
    ApiException onMetadata(String json);

    /** Puts the body's media bytes through the defences as well as through storage's allowance. */
    UploadGovernor.Allowance wrap(UploadGovernor.Allowance allowance);
  }
}
