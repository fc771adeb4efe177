package dev.tipflood.server.media.pdq.tool;

import dev.tipflood.server.media.pdq.PdqFrameSampler;
import dev.tipflood.server.media.pdq.PdqHasher;
import dev.tipflood.server.media.pdq.PdqImageException;
import dev.tipflood.server.media.pdq.PdqImages;
import dev.tipflood.server.media.pdq.PdqResult;
import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code hash,quality,file} per picture, as Meta's {@code pdq-photo-hasher} prints them: the
 * blocklist format {@link dev.tipflood.server.media.pdq.PdqBlocklistFile} reads. Run by
 * {@code tipflood pdq} as a child JVM on the server jar (the CLI's own classpath holds Gatling's
 * Netty, not the server's):
 *
 * <pre>
 * java -cp tipflood-server.jar dev.tipflood.server.media.pdq.tool.PdqPhotoHasher [--frames N] [--] FILE...
 * </pre>
 *
 * <p>Each file that cannot be hashed is named on stderr and the others are still hashed. Exit 0
 * when every file was hashed, {@link #UNHASHABLE} when one was not, {@link #USAGE} on bad arguments.
 */
public final class PdqPhotoHasher {
  /** Exit code: some file could not be hashed (same number as {@code tipflood}'s). */
  public static final int UNHASHABLE = 12;
  /** Exit code: bad arguments. */
  public static final int USAGE = 2;

  private static final String USAGE_TEXT = "usage: PdqPhotoHasher [--frames N] [--] FILE...\n"
      + "  prints hash,quality,file per picture; --frames N hashes up to N frames of GIFs and MJPEG AVIs\n"
      + "  (one line each, file#k), other files as one picture";

  private final PdqHasher hasher = new PdqHasher();
  private final PrintStream out;
  private final PrintStream err;

  PdqPhotoHasher(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    int code = new PdqPhotoHasher(System.out, System.err).run(args);
    System.out.flush();
    System.exit(code);
  }

  int run(String... args) {
    List<String> files = new ArrayList<>();
    int frames = 0;
    boolean options = true;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (options && a.equals("--")) {
        options = false;
      } else if (options && (a.equals("--help") || a.equals("-h"))) {
        out.println(USAGE_TEXT);
        return 0;
      } else if (options && a.equals("--frames")) {
        if (i + 1 == args.length) {
          return usage("--frames needs a number");
        }
        try {
          frames = Integer.parseInt(args[++i]);
        } catch (NumberFormatException e) {
          return usage("--frames must be a whole number, got '" + args[i] + "'");
        }
        if (frames < 1) {
          return usage("--frames must be at least 1, got " + frames);
        }
      } else if (options && a.startsWith("-") && a.length() > 1) {
        return usage("unknown option " + a);
      } else {
        files.add(a);
      }
    }
    if (files.isEmpty()) {
      return usage("no FILE given");
    }
    int code = 0;
    for (String f : files) {
      try {
        print(f, frames);
      } catch (PdqImageException e) {
        err.println("tipflood pdq: " + e.getMessage());
        code = UNHASHABLE;
      }
      out.flush();
    }
    return code;
  }

  private void print(String file, int frames) {
    Path path = Path.of(file);
    if (frames == 0) {
      line(hasher.hash(PdqImages.decode(path)), file);
      return;
    }
    List<BufferedImage> sampled = new PdqFrameSampler(frames).sample(path);
    List<PdqResult> results = hasher.hashFrames(sampled);
    for (int k = 0; k < results.size(); k++) {
      line(results.get(k), results.size() == 1 ? file : file + "#" + (k + 1));
    }
  }

  private void line(PdqResult r, String label) {
    out.println(r.hash().toHex() + "," + r.quality() + "," + label);
  }

  private int usage(String what) {
    err.println("tipflood pdq: " + what);
    err.println(USAGE_TEXT);
    return USAGE;
  }
}
