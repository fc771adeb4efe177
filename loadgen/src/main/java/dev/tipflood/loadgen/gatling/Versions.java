package dev.tipflood.loadgen.gatling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Version facts for labels and manifests, from the build-filtered {@code tipflood-versions.properties}. */
public final class Versions {
  private static final Properties PROPS = load();

  private Versions() {
  }

  public static String tipflood() {
    return PROPS.getProperty("tipflood", "dev");
  }

  public static String gatling() {
    return PROPS.getProperty("gatling", "unknown");
  }

  public static String hdrHistogram() {
    return PROPS.getProperty("hdrhistogram", "unknown");
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream("/tipflood-versions.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read tipflood-versions.properties", e);
    }
    return p;
  }
}
