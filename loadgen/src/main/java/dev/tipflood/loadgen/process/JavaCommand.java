package dev.tipflood.loadgen.process;

import java.nio.file.Path;

/** The {@code java} executable of the running JVM, so children use the same Java. */
public final class JavaCommand {
  private JavaCommand() {
  }

  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
