package dev.tipflood.server.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A tmpfs of a few megabytes mounted on a directory, so a test can fill a real disk. Needs
 * {@code mount} and the right to use it (root, CAP_SYS_ADMIN); elsewhere the test is skipped
 * (a JUnit assumption) with the reason.
 */
public final class SmallTmpfs implements AutoCloseable {
  private final Path mountPoint;

  private SmallTmpfs(Path mountPoint) {
    this.mountPoint = mountPoint;
  }

  /** Mounts a tmpfs of {@code megabytes} on {@code mountPoint} (created if missing). */
  public static SmallTmpfs mount(Path mountPoint, int megabytes) throws IOException, InterruptedException {
    Files.createDirectories(mountPoint);
    Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs",
        mountPoint.toString()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    boolean done = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    assumeTrue(done, "skipped: this test fills a real disk and needs to mount a small tmpfs "
        + "('mount -t tmpfs' as root or with CAP_SYS_ADMIN), which is not allowed here: " + output);
    return new SmallTmpfs(mountPoint);
  }

  public Path root() {
    return mountPoint;
  }

  /** Bytes still free on the tmpfs. */
  public long free() throws IOException {
    return Files.getFileStore(mountPoint).getUsableSpace();
  }

  /** Writes a file of {@code bytes} zeros (the disk "filled" by something else). */
  public Path fill(String name, long bytes) throws IOException {
    Path filler = mountPoint.resolve(name);
    byte[] chunk = new byte[64 << 10];
    try (var out = Files.newOutputStream(filler)) {
      for (long left = bytes; left > 0; left -= chunk.length) {
        out.write(chunk, 0, (int) Math.min(chunk.length, left));
      }
    }
    return filler;
  }

  /** Fills every byte left; returns the filler file. */
  public Path fillCompletely(String name) throws IOException {
    Path filler = mountPoint.resolve(name);
    byte[] chunk = new byte[4 << 10];
    try (var out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(chunk);
      }
    } catch (IOException full) {
      if (free() > chunk.length) {
        throw full; // not a full disk
      }
    }
    return filler;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("umount", mountPoint.toString()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("cannot unmount " + mountPoint + ": " + output);
    }
  }
}
