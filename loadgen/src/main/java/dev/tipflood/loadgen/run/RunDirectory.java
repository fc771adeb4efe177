package dev.tipflood.loadgen.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The layout of {@code runs/<timestamp>-<scenario>/}; see {@code docs/run-directory.md}.
 * Timestamps are UTC, {@code yyyyMMdd-HHmmss}.
 */
public record RunDirectory(Path root) {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  /** Creates a fresh run directory under {@code parent}; a numeric suffix avoids clashes. */
  public static RunDirectory create(Path parent, String scenario, Instant now) {
    String base = STAMP.format(now) + "-" + scenario;
    try {
      Files.createDirectories(parent);
      Path dir = parent.resolve(base);
      for (int i = 2; Files.exists(dir); i++) {
        dir = parent.resolve(base + "-" + i);
      }
      RunDirectory run = new RunDirectory(Files.createDirectory(dir).toAbsolutePath());
      Files.createDirectories(run.clientDir());
      Files.createDirectories(run.serverDir());
      Files.createDirectories(run.gatlingDir());
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create run directory under " + parent, e);
    }
  }

  public Path manifest() {
    return root.resolve("manifest.json");
  }

  /** The offered-load forecast ({@code tipflood plan}), written before any traffic. */
  public Path forecast() {
    return root.resolve("forecast.json");
  }

  public Path plan() {
    return root.resolve("plan.json");
  }

  public Path scenarioSource() {
    return root.resolve("scenario.yaml");
  }

  public Path summary() {
    return root.resolve("summary.txt");
  }

  public Path clientDir() {
    return root.resolve("client");
  }

  public Path clientCorrected() {
    return clientDir().resolve("latency-corrected.hlog");
  }

  public Path clientRaw() {
    return clientDir().resolve("latency-raw.hlog");
  }

  public Path clientProgress() {
    return clientDir().resolve("progress.ndjson");
  }

  /** Upload-shaping proxy counters per shaped population, written by the Gatling JVM at its end. */
  public Path clientShaping() {
    return clientDir().resolve("shaping.json");
  }

  public Path serverDir() {
    return root.resolve("server");
  }

  public Path serverData() {
    return serverDir().resolve("data");
  }

  public Path serverHistograms() {
    return serverDir().resolve("histograms.hlog");
  }

  public Path serverTimeline() {
    return serverDir().resolve("timeline.ndjson");
  }

  public Path serverProfile() {
    return serverDir().resolve("profile.json");
  }

  public Path serverStdout() {
    return serverDir().resolve("stdout.log");
  }

  public Path serverStderr() {
    return serverDir().resolve("stderr.log");
  }

  public Path gatlingDir() {
    return root.resolve("gatling");
  }

  public Path gatlingStdout() {
    return gatlingDir().resolve("gatling.log");
  }

  public Path gatlingStderr() {
    return gatlingDir().resolve("gatling-stderr.log");
  }

  /** Gatling's report, {@code gatling/<simulation>-<stamp>/index.html}, once written. */
  public java.util.Optional<Path> gatlingReport() {
    try (var dirs = Files.list(gatlingDir())) {
      return dirs.filter(Files::isDirectory).map(d -> d.resolve("index.html")).filter(Files::isRegularFile).findFirst();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }
}
