package dev.tipflood.server.wiring;

import io.vertx.ext.web.Router;

/**
 * Adds routes to the server's routers. Called once per router instance (one per event loop),
 * so an implementation must be safe to call from several threads and share state thread-safely.
 *
 * <pre>{@code
 * RouteContributor measure = new RouteContributor() {
 *   public void contributePublic(Router r) { r.route().handler(latencyRecorder); }    // runs first
 *   public void contributeAdmin(Router r) { r.get("/measure/histograms").handler(h); } // behind auth
 * };
 * }</pre>
 */
public interface RouteContributor {
  /** Called on the public router before any API route: handlers added here run first. */
  default void contributePublic(Router router) {}

  /**
   * Called on the public router after the connection gate and before the API routes: admission
   * handlers (defences) go here, so a connection the gate refused never reaches them.
   */
  default void contributeAdmission(Router router) {}

  /** Called on the admin router after the bearer-token check: routes added here are protected. */
  default void contributeAdmin(Router router) {}
}
