package dev.tipflood.loadgen.cli;

import dev.tipflood.loadgen.process.JavaCommand;
import dev.tipflood.loadgen.process.ServerJarLocator;
import dev.tipflood.loadgen.run.ExitCodes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tipflood pdq FILE...}: {@code hash,quality,file} per picture, like Meta's
 * {@code pdq-photo-hasher}, so ops can build a blocklist from known junk. The hasher lives in the
 * server (it is what the server matches with); it runs as a child JVM on the server jar, as
 * {@code serve} does, because this jar holds Gatling's Netty and not the server's.
 */
@Command(name = "pdq", mixinStandardHelpOptions = true,
    description = {"Print hash,quality,file (PDQ, 256 bits in hex; quality 0-100) for each picture, like Meta's "
        + "pdq-photo-hasher. The output is a blocklist file the server reads (--blocklist).",
        "A file that cannot be hashed is named on stderr, the others are still hashed, and the exit code is 12."})
final class PdqCommand implements Callable<Integer> {
  /** The server jar's entry point for hashing files. */
  static final String MAIN = "dev.tipflood.server.media.pdq.tool.PdqPhotoHasher";

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Pictures (JPEG, PNG, GIF, BMP); with --frames also MJPEG AVI videos.")
  List<Path> files;

  @Option(names = "--frames", paramLabel = "N",
      description = "Hash up to N evenly spread frames of animated GIFs and MJPEG AVIs, one line each (file#k).")
  Integer frames;

  @Option(names = "--server-jar", paramLabel = "JAR", description = "tipflood-server.jar (default: located).")
  Path serverJar;

  @Override
  public Integer call() throws Exception {
    Path jar = ServerJarLocator.locate(serverJar);
    // 1 GB: a picture at the 64-megapixel decode limit takes about 450 MB decoded plus its luma.
    List<String> cmd = new ArrayList<>(List.of(JavaCommand.java(), "-Xmx1g", "-Djava.awt.headless=true", "-cp",
        jar.toString(), MAIN));
    if (frames != null) {
      cmd.add("--frames");
      cmd.add(Integer.toString(frames));
    }
    cmd.add("--");
    files.forEach(f -> cmd.add(f.toString()));
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    int code = p.waitFor();
    return switch (code) {
      case 0 -> ExitCodes.OK;
      case 2 -> ExitCodes.USAGE;
      case ExitCodes.UNHASHABLE_FILE -> ExitCodes.UNHASHABLE_FILE;
      default -> ExitCodes.INTERNAL;
    };
  }
}
