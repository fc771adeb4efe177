package dev.tipflood.loadgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tipflood.loadgen.measure.AckedTipLog;
import dev.tipflood.loadgen.process.ServerJarLocator;
import dev.tipflood.loadgen.process.ServerProcess;
import dev.tipflood.loadgen.run.ExitCodes;
import dev.tipflood.loadgen.run.RunDirectory;
import dev.tipflood.loadgen.target.TargetSafety;
import dev.tipflood.loadgen.verify.AckVerifier;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tipflood verify RUN_DIR}: zero lost tips. Every tip in {@code client/acked-tips.tsv} is
 * fetched back by id and checked by SHA-256, against the run's own server data (the server jar
 * restarted on {@code server/data}, as after a crash) or a {@code --target}.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Fetch every acknowledged tip of a run back by id and check it by SHA-256 (zero lost tips).")
final class VerifyCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory with client/acked-tips.tsv.")
  Path runDir;

  @Option(names = "--target", paramLabel = "URL", description = "Fetch from this server instead of restarting the "
      + "run's embedded server on its server/data directory.")
  String target;

  @Option(names = "--i-own-this-target", description = "Allow a --target outside loopback.")
  boolean ownTarget;

  @Option(names = "--server-jar", paramLabel = "JAR", description = "The tipflood-server jar (default: found next to this one).")
  Path serverJar;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RunDirectory dir = new RunDirectory(runDir.toAbsolutePath());
    Path log = dir.clientDir().resolve(AckedTipLog.FILE);
    if (!Files.isRegularFile(log)) {
      err.println("tipflood: " + log + " is missing: the run predates the acknowledged-tip log, or never started");
      err.flush();
      return ExitCodes.MISSING_FILE;
    }
    List<AckedTipLog.Entry> entries = AckedTipLog.read(log);
    AckVerifier.Result result;
    if (target != null) {
      URI base = TargetSafety.check(target, ownTarget);
      result = new AckVerifier(fetcher(base), Optional.empty()).verify(entries);
    } else {
      if (!Files.isDirectory(dir.serverData())) {
        err.println("tipflood: " + dir.serverData() + " is missing: give --target for a run against another server");
        err.flush();
        return ExitCodes.MISSING_FILE;
      }
      String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
      Path logs = Files.createTempDirectory("tipflood-verify");
      try (ServerProcess server = ServerProcess.start(new ServerProcess.Spec(ServerJarLocator.locate(serverJar),
          profileOf(dir), 1.0, "-Xmx512m", dir.serverData(), token, logs.resolve("stdout.log"),
          logs.resolve("stderr.log"), List.of()), Duration.ofSeconds(300))) {
        result = new AckVerifier(fetcher(server.publicUri()), Optional.of(dir.serverData().resolve("media")))
            .verify(entries);
      } finally {
        try (var files = Files.list(logs)) {
          for (Path f : files.toList()) {
            Files.delete(f);
          }
        }
        Files.delete(logs);
      }
    }
    out.println("verify: " + result.text());
    out.flush();
    return result.allIntact() ? ExitCodes.OK : ExitCodes.LOST_TIPS;
  }

  private static String profileOf(RunDirectory dir) throws java.io.IOException {
    JsonNode manifest = JSON.readTree(dir.manifest().toFile());
    return manifest.path("server").path("profile").asText("tipline");
  }

  private static AckVerifier.TipSource fetcher(URI base) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    return id -> {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/tips/" + id))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 404) {
        return Optional.empty();
      }
      if (r.statusCode() != 200) {
        throw new java.io.IOException("GET /api/v1/tips/" + id + " answered " + r.statusCode() + ": " + r.body());
      }
      return Optional.of(r.body());
    };
  }
}
