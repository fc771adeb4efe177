package dev.tipflood.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The admin port listens on loopback unless told otherwise, and then start-up warns. */
class AdminExposureTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "::1", "localhost"})
  void loopbackNeedsNoWarning(String host) {
    assertThat(AdminExposure.warning(host)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0.0.0.0", "::", "10.1.2.3", "192.168.0.10"})
  void anyOtherInterfaceWarns(String host) {
    assertThat(AdminExposure.warning(host)).hasValueSatisfying(w -> assertThat(w).contains(host, "not loopback"));
  }

  @Test
  void theDefaultAdminHostIsLoopback() {
    ServerMain main = new ServerMain(System.out, System.err);
    new CommandLine(main).parseArgs("--data-dir", "/nonexistent");
    assertThat(main.adminHost).isEqualTo(AdminExposure.LOOPBACK);
  }

  @Test
  void aPublicAdminHostIsWarnedAboutBeforeAnythingIsBound() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // An invalid public port makes start-up fail after the warning and before any socket is bound.
    int code = ServerMain.run(new String[] {"--data-dir", "/nonexistent-tipflood", "--port", "-1",
        "--admin-host", "0.0.0.0", "--admin-token", "t"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isNotZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("WARNING: the admin port is bound to 0.0.0.0");
  }
}
