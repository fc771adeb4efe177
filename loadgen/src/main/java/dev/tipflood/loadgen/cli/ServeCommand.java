package dev.tipflood.loadgen.cli;

import dev.tipflood.loadgen.run.ExitCodes;
import dev.tipflood.loadgen.process.ServerJarLocator;
import dev.tipflood.loadgen.process.ServerProfileInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tipflood serve}: the mock alone, in the foreground, with the profile's heap. It inherits
 * this terminal, so its start-up line and token show, and Ctrl-C stops both.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Start tipflood-server alone (foreground) with the profile's heap. Ctrl-C stops it.")
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--profile", paramLabel = "P", defaultValue = "tipline", description = "Server profile (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(names = "--port", defaultValue = "8080", description = "Public port, 0 = any free (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--admin-port", defaultValue = "8081", description = "Admin port on 127.0.0.1, 0 = any free (default: ${DEFAULT-VALUE}).")
  int adminPort;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "tipflood-data", description = "Data directory (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--scale", defaultValue = "1", description = "Similarity scale for the profile's sizes and bandwidths (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(names = "--admin-token", paramLabel = "T", description = "Admin token (default: generated and printed by the server).")
  String token;

  @Option(names = "--server-jar", paramLabel = "JAR", description = "tipflood-server.jar (default: located).")
  Path serverJar;

  @Override
  public Integer call() throws Exception {
    Path jar = ServerJarLocator.locate(serverJar);
    ServerProfileInfo info = ServerProfileInfo.read(jar, profile, scale);
    Files.createDirectories(dataDir);
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        info.xmx(), "-jar", jar.toString(), "--port", Integer.toString(port), "--admin-port", Integer.toString(adminPort),
        "--profile", profile, "--data-dir", dataDir.toString(), "--scale", Double.toString(scale)));
    if (token != null) {
      cmd.add("--admin-token");
      cmd.add(token);
    }
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    Thread hook = new Thread(p::destroy, "stop-tipflood-server");
    Runtime.getRuntime().addShutdownHook(hook);
    int code = p.waitFor();
    Runtime.getRuntime().removeShutdownHook(hook);
    return code == 0 ? ExitCodes.OK : ExitCodes.SERVER_CRASHED;
  }
}
