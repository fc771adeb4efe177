package dev.tipflood.server;

import dev.tipflood.server.pipeline.TipPipeline;
import java.util.List;
import java.util.Objects;

/**
 * The extension points of the server: what happens to an accepted tip, and extra routes.
 *
 * @param pipeline called after each tip is durable and acknowledged
 * @param routes contributors to the public and admin routers, in order
 */
public record ServerWiring(TipPipeline pipeline, List<RouteContributor> routes) {
  public ServerWiring {
    Objects.requireNonNull(pipeline, "pipeline");
    routes = List.copyOf(routes);
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
