package dev.tipflood.loadgen.process;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Gatling JVM of a run: {@code dev.tipflood.loadgen.gatling.GatlingMain} on this JVM's own
 * classpath (the shaded {@code tipflood.jar}), with its own heap and the {@code --add-opens}
 * Gatling needs. A separate JVM keeps Gatling's heap apart from the CLI's, lets the CLI kill a
 * stuck load generator at the hard stop, and keeps the server alive long enough to stop it
 * cleanly whatever Gatling does.
 */
public final class GatlingProcess {
  private GatlingProcess() {
  }

  /** What to start. */
  public record Spec(Path plan, Path resultsDir, String description, String xmx, List<String> jvmArgs, Path stdout,
                     Path stderr) {
  }

  public static ChildProcess start(Spec spec) {
    List<String> cmd = new ArrayList<>();
    cmd.add(JavaCommand.java());
    cmd.add(spec.xmx());
    cmd.add("-XX:+UseParallelGC");
    cmd.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
    cmd.addAll(spec.jvmArgs());
    cmd.add("-Dtipflood.plan=" + spec.plan());
    cmd.add("-cp");
    cmd.add(classpath());
    cmd.add("dev.tipflood.loadgen.gatling.GatlingMain");
    cmd.add(spec.resultsDir().toString());
    cmd.add(spec.description());
    return ChildProcess.start("gatling", cmd, spec.resultsDir().getParent(), spec.stdout(), spec.stderr(),
        line -> { }, Duration.ofSeconds(15));
  }

  /** This JVM's classpath, absolute, so the child finds the same classes from any directory. */
  static String classpath() {
    List<String> parts = new ArrayList<>();
    for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!p.isBlank()) {
        parts.add(Path.of(p).toAbsolutePath().toString());
      }
    }
    return String.join(File.pathSeparator, parts);
  }
}
