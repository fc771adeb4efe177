package dev.tipflood.server;

import dev.tipflood.server.config.Profile;
import dev.tipflood.server.config.ProfileException;
import dev.tipflood.server.config.ProfileLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import dev.tipflood.server.capacity.CapacityWiring;
import dev.tipflood.server.media.pdq.PdqBlocklistFile;

/**
 * Entry point of the mock tip-upload service. The command line is a cross-module contract:
 * see docs/contracts.md and docs/server.md.
 */
@Command(name = "tipflood-server", mixinStandardHelpOptions = true, version = "tipflood-server 0.1.0",
    description = "The tipflood mock tip-upload service: a Vert.x server with a public tip API and a "
        + "loopback admin port.",
    exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 1)
public final class ServerMain implements Callable<Integer> {
  /** The prefix parsers match on; the full line is {@code tipflood-server listening public=<p> admin=<p>}. */
  public static final String LISTENING = "tipflood-server listening ";

  @Option(names = "--port", defaultValue = "8080", description = "Public port; 0 picks a free one (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--admin-port", defaultValue = "8081",
      description = "Admin port; 0 picks a free one (default ${DEFAULT-VALUE}).")
  int adminPort;

  @Option(names = "--admin-host", defaultValue = AdminExposure.LOOPBACK,
      description = "Admin interface (default ${DEFAULT-VALUE}). Anything but loopback exposes /metrics and the "
          + "defence controls to the network, behind the bearer token only: start-up warns.")
  String adminHost;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Public interface to bind (default ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--profile", defaultValue = "tipline",
      description = "Built-in profile name (tipline, naive, unlimited, tipline+throttle, tipline+triage, tipline+full) or a YAML file (default ${DEFAULT-VALUE}).")
  String profile;

  @Option(names = "--data-dir", description = "Directory for the tip journal and media files (created if missing).")
  Path dataDir;

  @Option(names = "--admin-token", description = "Bearer token for the admin port; generated and printed if absent.")
  String adminToken;

  @Option(names = "--scale", defaultValue = "1",
      description = "Similarity scale, 0 < S <= 1: multiplies every byte size, cap and bandwidth of the profile "
          + "(default ${DEFAULT-VALUE}).")
  double scale;

  @Option(names = "--event-loops", description = "Public event loops (default: one per CPU core).")
  Integer eventLoops;

  @Option(names = "--vertx-http-metrics", description = "Also publish Vert.x's own per-request HTTP server metrics "
      + "(vertx_http_server_*) on /metrics. Off by default: tipflood_request_latency already counts and times every "
      + "request per endpoint and status, and Vert.x's meters cost about 5% of the server's CPU per small request.")
  boolean vertxHttpMetrics;

  @Option(names = "--blocklist", paramLabel = "FILE", description = "Seed the PDQ junk blocklist of the triage "
      + "defences with known junk: lines of 'hash[,quality[,file]]' as 'tipflood pdq' prints them.")
  Path blocklist;

  @Option(names = "--print-profile", description = "Print the resolved, validated profile as JSON and exit.")
  boolean printProfile;

  @Option(names = "--print-capacity", description = "Print {\"profile\": the resolved profile, \"capacity\": the "
      + "capacity of each modelled resource in bytes, bytes/s and seconds} as JSON and exit (read by 'tipflood plan').")
  boolean printCapacity;

  private final PrintStream out;
  private final PrintStream err;

  ServerMain(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
    // On success the Vert.x threads keep the JVM alive.
  }

  /** Runs the command; returns the exit code (0 once the server is up). */
  static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cmd = new CommandLine(new ServerMain(out, err));
    cmd.setOut(new java.io.PrintWriter(out, true));
    cmd.setErr(new java.io.PrintWriter(err, true));
    return cmd.execute(args);
  }

  @Override
  public Integer call() {
    if (!(scale > 0 && scale <= 1)) {
      err.println("tipflood-server: --scale must be > 0 and <= 1, got " + scale);
      return 2;
    }
    Profile resolved;
    try {
      resolved = ProfileLoader.resolve(profile).scaled(scale);
    } catch (ProfileException e) {
      err.println("tipflood-server: invalid profile: " + e.getMessage());
      return 2;
    }
    if (printProfile) {
      out.println(ProfileLoader.toJson(resolved));
      return 0;
    }
    if (printCapacity) {
      out.println(ProfileLoader.toJsonWithCapacity(resolved));
      return 0;
    }
    if (dataDir == null) {
      err.println("tipflood-server: --data-dir is required (use --help for the options)");
      return 2;
    }
    CapacityWiring wiring = new CapacityWiring();
    if (blocklist != null) {
      try {
        PdqBlocklistFile.Loaded seed = PdqBlocklistFile.read(blocklist);
        wiring.seedBlocklist(seed.entries().stream().filter(PdqBlocklistFile.Entry::usable)
            .map(PdqBlocklistFile.Entry::hash).toList());
        err.println("tipflood-server: blocklist " + blocklist + ": " + (seed.entries().size() - seed.lowQuality())
            + " hashes, " + seed.lowQuality() + " below quality 50 skipped");
      } catch (PdqBlocklistFile.BlocklistException e) {
        err.println("tipflood-server: --blocklist: " + e.getMessage());
        return 2;
      }
    }
    String token = adminToken;
    if (token == null || token.isBlank()) {
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      token = HexFormat.of().formatHex(random);
      out.println("admin-token=" + token);
    }
    int loops = eventLoops == null ? Runtime.getRuntime().availableProcessors() : eventLoops;
    TipfloodServer server;
    try {
      AdminExposure.warning(adminHost).ifPresent(w -> err.println("tipflood-server: WARNING: " + w));
      ServerSettings settings = new ServerSettings(host, port, adminPort, adminHost, dataDir, resolved, token, loops,
          Clock.systemUTC(), vertxHttpMetrics);
      server = TipfloodServer.start(settings, wiring, note -> err.println("tipflood-server: " + note))
          .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } catch (Exception e) {
      Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
      err.println("tipflood-server: failed to start: " + cause.getMessage());
      return 1;
    }
    trackUncaughtOutOfMemory(server.components().health().outOfMemory());
    Runtime.getRuntime().addShutdownHook(new Thread(
        () -> server.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join(),
        "tipflood-shutdown"));
    out.println(LISTENING + "public=" + server.publicPort() + " admin=" + server.adminPort());
    out.flush();
    return 0;
  }

  /** An OutOfMemoryError that kills a non-event-loop thread also makes liveness fail. */
  private void trackUncaughtOutOfMemory(dev.tipflood.server.health.OutOfMemoryTracker oom) {
    Thread.setDefaultUncaughtExceptionHandler((thread, t) -> {
      oom.record(t);
      err.println("tipflood-server: uncaught exception in " + thread.getName() + ": " + t);
    });
  }
}
