package dev.tipflood.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves a profile by built-in name or file path and validates it into a {@link Profile}.
 *
 * <pre>{@code
 * Profile p = ProfileLoader.resolve("tipline");          // built-in
 * Profile q = ProfileLoader.resolve("my-profile.yaml");  // a file
 * }</pre>
 *
 * Every error names the file, the line and column, the field path, the value as written and what is
 * allowed, and all errors come at once ({@link ProfileReader}, on the binding scenarios use).
 */
public final class ProfileLoader {
  /** The built-in profiles, shipped as classpath resources {@code /profiles/<name>.yaml}. */
  public static final List<String> BUILTIN_NAMES = List.of("tipline", "naive", "unlimited", "tipline+throttle", "tipline+triage", "tipline+full");

  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new ProfileJsonModule())
      .enable(SerializationFeature.INDENT_OUTPUT);

  private ProfileLoader() {}

  /** A built-in name if it is one, otherwise a path to a YAML file. */
  public static Profile resolve(String nameOrPath) {
    if (BUILTIN_NAMES.contains(nameOrPath)) {
      return builtin(nameOrPath);
    }
    Path path = Path.of(nameOrPath);
    if (!Files.isRegularFile(path)) {
      throw new ProfileException("profile '" + nameOrPath + "' is neither a built-in profile ("
          + String.join(", ", BUILTIN_NAMES) + ") nor a readable file");
    }
    return load(path);
  }

  /** Loads a built-in profile by name. */
  public static Profile builtin(String name) {
    String label = "built-in profile '" + name + "' (profiles/" + name + ".yaml)";
    try (InputStream in = ProfileLoader.class.getResourceAsStream("/profiles/" + name + ".yaml")) {
      if (in == null) {
        throw new ProfileException("unknown built-in profile '" + name + "'; built-in profiles are: "
            + String.join(", ", BUILTIN_NAMES));
      }
      return parse(in.readAllBytes(), label);
    } catch (IOException e) {
      throw new ProfileException(label + ": cannot be read: " + e.getMessage(), e);
    }
  }

  /** Loads and validates a profile file. */
  public static Profile load(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ProfileException(file + ": cannot be read: " + e.getMessage(), e);
    }
    return parse(bytes, file.toString());
  }

  /** Parses YAML text; {@code label} names the source in error messages. Every error is reported at once. */
  public static Profile parse(byte[] yaml, String label) {
    String text = new String(yaml, java.nio.charset.StandardCharsets.UTF_8);
    if (text.lines().allMatch(l -> l.isBlank() || l.trim().startsWith("#"))) {
      throw new ProfileException(label + ": the file is empty; a profile needs at least 'name'");
    }
    return ProfileReader.read(text, label);
  }

  /** The resolved profile as indented JSON, in the syntax the YAML uses (sizes as text). */
  public static String toJson(Profile profile) {
    try {
      return JSON.writeValueAsString(profile);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a valid profile must serialise", e);
    }
  }

  /** {@code {"profile": <as toJson>, "capacity": <CapacityFigures>}}, as {@code --print-capacity} prints it. */
  public static String toJsonWithCapacity(Profile profile) {
    try {
      Map<String, Object> both = new LinkedHashMap<>();
      both.put("profile", JSON.readTree(JSON.writeValueAsString(profile)));
      both.put("capacity", CapacityFigures.of(profile).toMap());
      return JSON.writeValueAsString(both);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a valid profile must serialise", e);
    }
  }
}
