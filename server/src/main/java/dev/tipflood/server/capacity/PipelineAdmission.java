package dev.tipflood.server.capacity;

import dev.tipflood.server.wiring.RouteContributor;
import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.api.PublicRouter;
import dev.tipflood.server.model.pipeline.CapacityPipeline;
import io.vertx.ext.web.Router;
import java.time.Duration;

/**
 * A bounded processing queue that is full refuses new tips before their body is read:
 * {@code 503 overloaded} with Retry-After, instead of acknowledging a tip it cannot process.
 * With an unbounded queue (the naive profile) it never refuses.
 */
final class PipelineAdmission implements RouteContributor {

  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
  private final CapacityPipeline pipeline;

  PipelineAdmission(CapacityPipeline pipeline) {
    this.pipeline = pipeline;
  }

  @Override
  public void contributePublic(Router router) {
    // A deferred tip's media upload sends the tip to processing too.
    for (String path : new String[] {PublicRouter.TIPS, PublicRouter.TIP_MEDIA}) {
      router.post(path).handler(ctx -> {
        if (pipeline.hasRoom()) {
          ctx.next();
        } else {
          ctx.fail(ApiException.retryLater(ErrorCode.OVERLOADED,
              "the processing queue is full (processing.queue.bound); retry later", RETRY_AFTER));
        }
      });
    }
  }
}
