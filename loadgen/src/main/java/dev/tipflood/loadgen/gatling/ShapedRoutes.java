package dev.tipflood.loadgen.gatling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tipflood.loadgen.measure.TimeSource;
import dev.tipflood.loadgen.plan.LoadPlan;
import dev.tipflood.loadgen.plan.PopulationPlan;
import dev.tipflood.loadgen.shaping.ShapingProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each population's requests go: straight to the plan's base URL, or, for a population
 * with an upload cap, through its own {@link ShapingProxy} on 127.0.0.1. The proxies live as long
 * as the simulation (they are started when it is built, since the protocol needs their port) and
 * their counters are written to {@code <clientDir>/shaping.json} when it stops.
 */
final class ShapedRoutes implements AutoCloseable {
  static final String STATS_FILE = "shaping.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final LoadPlan plan;
  private final Map<String, ShapingProxy> proxies = new LinkedHashMap<>();

  ShapedRoutes(LoadPlan plan, TimeSource time) {
    this.plan = plan;
    try {
      for (PopulationPlan p : plan.populations()) {
        if (p.client().shapedUpload()) {
          proxies.put(p.name(), ShapingProxy.start(target(plan.baseUrl()), p.client().uploadBandwidthBytesPerSecond(), time));
        }
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The base URL population {@code name} sends to. */
  String baseUrl(String name) {
    ShapingProxy proxy = proxies.get(name);
    if (proxy == null) {
      return plan.baseUrl();
    }
    URI base = URI.create(plan.baseUrl());
    return base.getScheme() + "://127.0.0.1:" + proxy.port() + (base.getRawPath() == null ? "" : base.getRawPath());
  }

  /** Writes every proxy's counters, one object per shaped population, into the client directory. */
  void writeStats() {
    if (proxies.isEmpty()) {
      return;
    }
    ObjectNode root = JSON.createObjectNode();
    proxies.forEach((name, proxy) -> root.set(name, JSON.valueToTree(proxy.stats().snapshot())));
    Path file = Path.of(plan.clientDir()).resolve(STATS_FILE);
    try {
      Files.createDirectories(file.getParent());
      JSON.writeValue(file.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  @Override
  public void close() {
    proxies.values().forEach(ShapingProxy::close);
  }

  /** The target's socket address; only loopback hosts are ever proxied (ShapingProxy checks). */
  static InetSocketAddress target(String baseUrl) {
    URI uri = URI.create(baseUrl);
    int port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
    try {
      return new InetSocketAddress(InetAddress.getByName(uri.getHost()), port);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("cannot resolve the target host of " + baseUrl, e);
    }
  }
}
