package dev.tipflood.server.storage;

import dev.tipflood.server.tip.TipId;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Media files on disk. An upload streams into {@code tmp/<uuid>.part}; once complete and fsynced
 * it is renamed into {@code media/<tipId>-<index>} and the directory is fsynced, all before the
 * tip's journal record is written. Every method here blocks: call it from a worker thread.
 */
public final class MediaStore {
  private static final String TEMP_SUFFIX = ".part";
  private final Path tempDir;
  private final Path mediaDir;

  private MediaStore(Path tempDir, Path mediaDir) {
    this.tempDir = tempDir;
    this.mediaDir = mediaDir;
  }

  /** Opens the store under {@code dataDir}, creating its directories. */
  public static MediaStore open(Path dataDir) {
    try {
      Path tmp = Files.createDirectories(dataDir.resolve("tmp"));
      Path media = Files.createDirectories(dataDir.resolve("media"));
      return new MediaStore(tmp, media);
    } catch (IOException e) {
      throw new StorageException("cannot create media directories under " + dataDir + ": " + e.getMessage(), e);
    }
  }

  /** A fresh temp path (not yet created) for one upload. */
  public Path newTempFile() {
    return tempDir.resolve(UUID.randomUUID() + TEMP_SUFFIX);
  }

  public Path tempDir() {
    return tempDir;
  }

  public Path mediaDir() {
    return mediaDir;
  }

  public Path resolve(String storedAs) {
    return mediaDir.resolve(storedAs);
  }

  /**
   * Moves fsynced temp files into place for tip {@code id}, in order, then fsyncs the media
   * directory so the names are durable too.
   *
   * @return the stored names, in the same order
   */
  public List<String> promote(TipId id, List<Path> temps) {
    List<String> names = new java.util.ArrayList<>(temps.size());
    for (int i = 0; i < temps.size(); i++) {
      names.add(promoteOne(id, i, temps.get(i)));
    }
    if (!temps.isEmpty()) {
      syncNames();
    }
    return names;
  }

  /**
   * Moves one fsynced temp file into place as part {@code index} of tip {@code id}; the name is
   * durable only after {@link #syncNames}.
   *
   * @return its stored name
   */
  public String promoteOne(TipId id, int index, Path temp) {
    String name = id.value() + "-" + index;
    try {
      Files.move(temp, mediaDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      return name;
    } catch (IOException e) {
      throw new StorageException("cannot move media of tip " + id + " into place: " + e.getMessage(), e);
    }
  }

  /** Fsyncs the media directory, so the names moved into it are durable. */
  public void syncNames() {
    try {
      fsyncDirectory(mediaDir);
    } catch (IOException e) {
      throw new StorageException("cannot fsync " + mediaDir + ": " + e.getMessage(), e);
    }
  }

  /** Deletes a temp or media file; missing is fine. */
  public void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new StorageException("cannot delete " + file + ": " + e.getMessage(), e);
    }
  }

  /** Deletes every leftover temp file (from uploads cut off by a crash); returns how many. */
  public int cleanTemp() {
    return deleteMatching(tempDir, p -> true);
  }

  /** Deletes media files no stored tip refers to (moved into place, then a crash before the journal record). */
  public int removeOrphans(Set<String> referenced) {
    return deleteMatching(mediaDir, p -> !referenced.contains(p.getFileName().toString()));
  }

  private int deleteMatching(Path dir, java.util.function.Predicate<Path> which) {
    int n = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path p : files) {
        if (Files.isRegularFile(p) && which.test(p)) {
          Files.delete(p);
          n++;
        }
      }
    } catch (IOException e) {
      throw new StorageException("cannot clean " + dir + ": " + e.getMessage(), e);
    }
    return n;
  }

  static void fsyncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }
}
