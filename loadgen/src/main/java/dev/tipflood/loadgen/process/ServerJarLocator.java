package dev.tipflood.loadgen.process;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds {@code tipflood-server.jar}: the {@code --server-jar} option; else beside
 * {@code tipflood.jar}; else {@code server/target/} of the source tree that holds this jar
 * ({@code loadgen/target/../../server/target}); else {@code server/target/} under the working
 * directory.
 */
public final class ServerJarLocator {
  public static final String JAR_NAME = "tipflood-server.jar";

  private ServerJarLocator() {
  }

  public static Path locate(Path explicit) {
    List<Path> tried = candidates(explicit);
    return tried.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() ->
        new ServerJarNotFoundException("cannot find " + JAR_NAME + "; looked at " + tried
            + ". Build it with `mvn -B package -DskipTests` or pass --server-jar PATH"));
  }

  static List<Path> candidates(Path explicit) {
    List<Path> c = new ArrayList<>();
    if (explicit != null) {
      c.add(explicit.toAbsolutePath());
      return c;
    }
    ownJarDir().ifPresent(dir -> {
      c.add(dir.resolve(JAR_NAME));
      c.add(dir.resolve("../../server/target").resolve(JAR_NAME).normalize());
    });
    c.add(Path.of("server", "target", JAR_NAME).toAbsolutePath());
    return c;
  }

  /** The directory of the jar (or classes directory) this class was loaded from. */
  static Optional<Path> ownJarDir() {
    try {
      Path p = Path.of(ServerJarLocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Optional.ofNullable(p.getParent());
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return Optional.empty();
    }
  }

  /** No server jar where one was looked for. */
  public static final class ServerJarNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServerJarNotFoundException(String message) {
      super(message);
    }
  }
}
