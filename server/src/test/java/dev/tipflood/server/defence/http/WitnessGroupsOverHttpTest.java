package dev.tipflood.server.defence.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.defence.triage.MediaFiles;
import dev.tipflood.server.testing.Multipart;
import dev.tipflood.server.testing.TestServer;
import dev.tipflood.server.testing.TipHttp;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Witness groups shown to the reviewers, over loopback: three photos of one incident are grouped
 * (none refused, none down-ranked) and each tip's reviewer view on the admin port lists the group;
 * a distinct scene is in none; the public GET never shows another tip's id.
 */
class WitnessGroupsOverHttpTest {
  private static final String PROFILE = """
      name: witnesses
      defences:
        - name: pdq
          kind: pdq-blocklist
      """;

  @TempDir
  Path dataDir;
  TestServer server;

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void reviewersSeeTheWitnessGroupAndThePublicNeverDoes() {
    server = TestServer.startModelled(dataDir, PROFILE);
    BufferedImage incident = MediaFiles.scene(640, 480, 7);
    String first = created(post(incident));
    String second = created(post(MediaFiles.resized(incident, 480, 360)));
    String third = created(post(MediaFiles.resized(incident, 320, 240)));
    String elsewhere = created(post(MediaFiles.scene(640, 480, 8)));

    for (String id : new String[] {first, second, third}) {
      JsonObject group = review(id).getJsonObject("witnessGroup");
      assertThat(group).as("the group of " + id).isNotNull();
      assertThat(group.getString("id")).isEqualTo(first);
      assertThat(group.getInteger("size")).isEqualTo(3);
      assertThat(group.getJsonArray("tips").getList()).containsExactly(first, second, third);
    }
    JsonObject alone = review(elsewhere);
    assertThat(alone.containsKey("witnessGroup")).isTrue();
    assertThat(alone.getValue("witnessGroup")).as("a distinct scene is in no group").isNull();
    assertThat(review(second).getString("status")).isNotNull();

    JsonObject publicView = TipHttp.get(server, second);
    assertThat(publicView.containsKey("witnessGroup")).isFalse();
    assertThat(publicView.encode()).as("an id is a key: never another tip's").doesNotContain(first)
        .doesNotContain(third);
    assertThat(DefenceHttp.admin(server, "GET", "/review/tips/" + second, null, false).statusCode())
        .as("staff only").isEqualTo(401);
    assertThat(DefenceHttp.admin(server, "GET", "/review/tips/0123456789abcdef0123456789", null, true).statusCode())
        .isEqualTo(404);
  }

  private HttpResponse<String> post(BufferedImage photo) {
    return TipHttp.post(server, "/api/v1/tips", new Multipart().field("metadata", Multipart.VALID_METADATA)
        .file("media", "p.jpg", "image/jpeg", MediaFiles.encode(photo, "jpg")));
  }

  private static String created(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return new JsonObject(r.body()).getString("id");
  }

  private JsonObject review(String id) {
    HttpResponse<String> r = DefenceHttp.admin(server, "GET", "/review/tips/" + id, null, true);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new JsonObject(r.body());
  }
}
