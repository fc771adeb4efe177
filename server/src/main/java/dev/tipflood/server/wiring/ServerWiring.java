package dev.tipflood.server.wiring;

import dev.tipflood.server.api.upload.UploadGuard;
import dev.tipflood.server.model.storage.UploadGovernor;
import java.util.List;
import java.util.Objects;

/**
 * The extension points of the server: what happens to an accepted tip, and extra routes.
 *
 * @param pipeline called after each tip is durable and acknowledged
 * @param routes contributors to the public and admin routers, in order
 * @param uploads storage bandwidth and quota applied to every media upload
 * @param guard what the defences do inside an upload's body ({@link UploadGuard#NONE}: nothing)
 */
public record ServerWiring(TipPipeline pipeline, List<RouteContributor> routes, UploadGovernor uploads,
    UploadGuard guard) {
  public ServerWiring {
    Objects.requireNonNull(pipeline, "pipeline");
    routes = List.copyOf(routes);
    Objects.requireNonNull(uploads, "uploads");
    Objects.requireNonNull(guard, "guard");
  }

  /** A pipeline, routes and storage, with no defence in the body. */
  public ServerWiring(TipPipeline pipeline, List<RouteContributor> routes, UploadGovernor uploads) {
    this(pipeline, routes, uploads, UploadGuard.NONE);
  }

  /** A pipeline and routes, with uploads unlimited. */
  public ServerWiring(TipPipeline pipeline, List<RouteContributor> routes) {
    this(pipeline, routes, UploadGovernor.NONE);
  }

  /** No pipeline, no extra routes: the plain service. */
  public static ServerWiring none() {
    return new ServerWiring(TipPipeline.NONE, List.of());
  }

  /** Builds the wiring once storage is open, before the ports are bound. */
  @FunctionalInterface
  public interface Factory {
    Factory NONE = c -> none();

    ServerWiring wire(ServerComponents components);
  }
}
