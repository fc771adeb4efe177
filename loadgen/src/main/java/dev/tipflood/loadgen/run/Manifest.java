package dev.tipflood.loadgen.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tipflood.loadgen.gatling.Versions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code manifest.json}: what ran, with what, on what. It is written at the start (status
 * {@code running}) and rewritten at the end, so a crashed CLI still leaves one behind.
 */
public final class Manifest {
  /** Bumped when a field changes meaning; readers check it. */
  public static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectNode root = JSON.createObjectNode();

  public Manifest(String commandLine, Instant started) {
    root.put("formatVersion", FORMAT_VERSION);
    root.put("status", "running");
    root.put("commandLine", commandLine);
    root.put("startedAt", started.toString());
    ObjectNode v = root.putObject("versions");
    v.put("tipflood", Versions.tipflood());
    v.put("gatling", Versions.gatling());
    v.put("hdrHistogram", Versions.hdrHistogram());
    v.put("java", System.getProperty("java.version"));
    v.put("javaVendor", System.getProperty("java.vendor"));
    ObjectNode m = root.putObject("machine");
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("arch", System.getProperty("os.arch"));
    m.put("cores", Runtime.getRuntime().availableProcessors());
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      m.put("memoryBytes", os.getTotalMemorySize());
    }
    m.put("hostname", hostname());
  }

  private static String hostname() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "unknown";
    }
  }

  public ObjectNode root() {
    return root;
  }

  public ObjectNode section(String name) {
    return root.has(name) ? (ObjectNode) root.get(name) : root.putObject(name);
  }

  public void finish(String status, int exitCode, Instant ended) {
    root.put("status", status);
    root.put("exitCode", exitCode);
    root.put("endedAt", ended.toString());
  }

  public void write(Path file) {
    try {
      JSON.writeValue(file.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
