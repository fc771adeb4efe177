package dev.tipflood.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tipflood.server.config.ProfileLoader;
import dev.tipflood.server.testing.AckedTips;
import dev.tipflood.server.testing.SmallTmpfs;
import dev.tipflood.server.testing.TestServer;
import dev.tipflood.server.testing.TipClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory on a real, small disk (a tmpfs) that fills up: the server answers
 * {@code 507 disk_full} with Retry-After, acknowledges nothing it could not make durable, stays
 * live, and takes tips again once space returns; a restart then shows every acknowledged tip.
 */
class FullDiskTest {
  private static final int DISK_MB = 16;
  private final TipClient client = new TipClient(Duration.ofSeconds(20));
  private final AckedTips acked = new AckedTips();
  private final Random random = new Random(16);

  @TempDir
  Path root;

  @Test
  void mediaFillingTheDiskGet507AndTheServerRecovers() throws Exception {
    try (SmallTmpfs disk = SmallTmpfs.mount(root.resolve("disk"), DISK_MB)) {
      Path data = disk.root().resolve("data");
      Path filler;
      try (TestServer server = TestServer.start(data, ProfileLoader.builtin("tipline"))) {
        postAndRecord(server, 100_000, 201); // the journal has preallocated its first stretch now
        filler = disk.fill("filler", disk.free() - (2 << 20)); // ~2 MB left for media
        int refused = 0;
        // Until five 507s are read; a 507 sent while the body still streams may reach the client as a reset.
        for (int i = 0; i < 60 && refused < 5; i++) {
          TipClient.Posted p = client.post(server.port(), TipClient.photo(random, 200_000));
          acked.record(p);
          assertThat(p.status()).as(p.body()).isIn(201, 507, TipClient.NO_ANSWER);
          if (p.status() == 507) {
            refused++;
            assertThat(p.body()).contains("\"code\":\"disk_full\"");
            assertThat(p.retryAfter()).as("Retry-After").isPresent();
          }
          assertThat(client.health(server.adminPort())).as("/health while the disk is full").isEqualTo(200);
        }
        assertThat(refused).as("507 answers once the disk was full").isEqualTo(5);
        await().atMost(Duration.ofSeconds(10)).until(() -> server.tempFiles() == 0);
        acked.assertAllIntact(client, server.port(), data);

        Files.delete(filler); // space returns
        postAndRecord(server, 200_000, 201);
        acked.assertAllIntact(client, server.port(), data);
      }
      try (TestServer restarted = TestServer.start(data, ProfileLoader.builtin("tipline"))) {
        acked.assertAllIntact(client, restarted.port(), data);
        assertThat(restarted.server().components().tips().count()).isEqualTo(acked.size());
      }
    }
  }

  @Test
  void aJournalThatCannotGrowGets507AndRecovers() throws Exception {
    try (SmallTmpfs disk = SmallTmpfs.mount(root.resolve("disk"), DISK_MB)) {
      Path data = disk.root().resolve("data");
      try (TestServer server = TestServer.start(data, ProfileLoader.builtin("tipline"))) {
        // Before the first tip the journal has no room preallocated: with the disk full it cannot
        // grow. Tips without media write nothing but their journal record.
        Path filler = disk.fillCompletely("filler");
        for (int i = 0; i < 3; i++) {
          TipClient.Posted p = client.postMetadataOnly(server.port());
          assertThat(p.status()).as(p.body()).isEqualTo(507);
          assertThat(p.body()).contains("\"code\":\"disk_full\"");
          assertThat(p.retryAfter()).isPresent();
          assertThat(client.health(server.adminPort())).as("/health: the journal is still writable").isEqualTo(200);
        }
        Files.delete(filler);
        for (int i = 0; i < 2; i++) {
          TipClient.Posted p = client.postMetadataOnly(server.port());
          assertThat(p.status()).as(p.body()).isEqualTo(201);
          assertThat(client.get(server.port(), p.id().orElseThrow()).statusCode()).isEqualTo(200);
        }
      }
      try (TestServer restarted = TestServer.start(data, ProfileLoader.builtin("tipline"))) {
        assertThat(restarted.server().components().tips().count()).as("only the acknowledged tips").isEqualTo(2);
      }
    }
  }

  private void postAndRecord(TestServer server, int size, int expected) throws Exception {
    TipClient.Posted p = client.post(server.port(), TipClient.photo(random, size));
    assertThat(p.status()).as(p.body()).isEqualTo(expected);
    acked.record(p);
  }
}
