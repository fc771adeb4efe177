package dev.tipflood.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.config.ProfileLoader;
import dev.tipflood.server.storage.JournalTipStore;
import dev.tipflood.server.testing.Multipart;
import dev.tipflood.server.testing.RawHttp;
import dev.tipflood.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An uploaded file's name is a label only: media are stored as {@code media/<tipId>-<index>},
 * whatever the client called them, and names that would be paths are refused.
 */
class FilenameIsNeverAPathTest {
  @TempDir
  Path root;

  private static RawHttp.Response upload(int port, String filename) throws Exception {
    byte[] body = new Multipart().field("metadata", Multipart.VALID_METADATA)
        .file("media", filename, "image/jpeg", Multipart.bytes(1000)).build();
    try (RawHttp http = new RawHttp(port)) {
      return http.send(new Multipart().head(body.length)).send(body).read();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {JournalTipStore.FILE_NAME, "media", "tmp", "..evil.jpg", "x.part", "~root"})
  void aNameThatMatchesAStorageNameIsStoredUnderTheTipId(String filename) throws Exception {
    Path data = root.resolve("data");
    try (TestServer server = TestServer.start(data, ProfileLoader.builtin("tipline"))) {
      RawHttp.Response r = upload(server.port(), filename);
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      String id = r.body().replaceAll(".*\"id\":\"([0-9a-f]{26})\".*", "$1");
      assertThat(fileNames(data.resolve("media"))).containsExactly(id + "-0");
      assertThat(fileNames(data)).containsExactlyInAnyOrder(JournalTipStore.FILE_NAME, "media", "tmp");
      assertThat(Files.isRegularFile(data.resolve(JournalTipStore.FILE_NAME))).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"../escape.jpg", "..\\\\escape.jpg", "/tmp/escape.jpg", "a/../../escape.jpg", ".."})
  void aNameThatIsAPathIsRefusedAndWritesNothing(String filename) throws Exception {
    Path data = root.resolve("data");
    try (TestServer server = TestServer.start(data, ProfileLoader.builtin("tipline"))) {
      RawHttp.Response r = upload(server.port(), filename);
      assertThat(r.status()).as(r.body()).isEqualTo(400);
      assertThat(r.errorCode()).isEqualTo("bad_filename");
      assertThat(fileNames(data.resolve("media"))).isEmpty();
      assertThat(fileNames(data.resolve("tmp"))).isEmpty();
      assertThat(fileNames(root)).containsExactly("data");
    }
  }

  private static List<String> fileNames(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
