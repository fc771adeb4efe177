package dev.tipflood.server.api.upload;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.model.storage.UploadGovernor;
import dev.tipflood.server.tip.TipRecord;
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

    /**
     * After durability: the tip is stored, its answer not yet sent. The defences acting there
     * ({@code Point.DURABLE}) give it its review priority, which is returned (0 when none does).
     */
    default int onDurable(TipRecord tip) {
      return 0;
    }

    /**
     * Whether a defence deferred this tip's media (brownout): then its media parts are read and
     * dropped, the tip is stored with its text only and answered {@code 202 deferred}. The
     * returned value is the wait until its media upload slot, in nanoseconds; -1 when not deferred.
     */
    default long mediaDeferredNanos() {
      return -1;
    }

    /**
     * A deferred tip's media upload is about to read its body: the defences acting on a tip's
     * text are asked again with its stored metadata. Null to go on; else why not now (a refusal,
     * or the brownout still holding: {@code 503 media_still_deferred} with its wait).
     */
    default ApiException onDeferredMedia(String metadataJson) {
      return null;
    }

    /** A media part starts: the guard its bytes pass on their way to storage. */
    default PartGuard onMediaPart(String declaredType, String filename) {
      return PartGuard.NONE;
    }

    /** The metadata part is complete; null to go on, else why the tip is refused (nothing is stored). */
    ApiException onMetadata(String json);

    /** Puts the body's media bytes through the defences as well as through storage's allowance. */
    UploadGovernor.Allowance wrap(UploadGovernor.Allowance allowance);
  }
}
