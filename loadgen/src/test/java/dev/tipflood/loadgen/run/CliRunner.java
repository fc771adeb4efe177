package dev.tipflood.loadgen.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the shaded {@code tipflood.jar} as a real process, as a user would. */
public final class CliRunner {
  public static Path jar() {
    return Path.of(System.getProperty("tipflood.jar", "target/tipflood.jar")).toAbsolutePath();
  }

  public static Path serverJar() {
    return Path.of(System.getProperty("tipflood.server.jar", "../server/target/tipflood-server.jar")).toAbsolutePath();
  }

  /** The process's exit code and output. */
  public record Result(int exitCode, String stdout, String stderr) {
  }

  public static Result run(Path workDir, long timeoutSeconds, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar().toString()));
    cmd.addAll(List.of(args));
    Path out = workDir.resolve("cli-stdout.txt");
    Path err = workDir.resolve("cli-stderr.txt");
    Process p = new ProcessBuilder(cmd).directory(workDir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroy();
      p.waitFor(20, TimeUnit.SECONDS);
      throw new AssertionError("tipflood " + String.join(" ", args) + " did not finish in " + timeoutSeconds + " s; stderr:\n"
          + Files.readString(err, StandardCharsets.UTF_8));
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private CliRunner() {
  }
}
