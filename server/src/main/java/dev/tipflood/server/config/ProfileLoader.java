package dev.tipflood.server.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Resolves a profile by built-in name or file path and validates it into a {@link Profile}.
 *
 * <pre>{@code
 * Profile p = ProfileLoader.resolve("tipline");          // built-in
 * Profile q = ProfileLoader.resolve("my-profile.yaml");  // a file
 * }</pre>
 *
 * Every error names the file, the line, the field path and what is allowed.
 */
public final class ProfileLoader {
  /** The built-in profiles, shipped as classpath resources {@code /profiles/<name>.yaml}. */
  public static final List<String> BUILTIN_NAMES = List.of("tipline", "naive", "unlimited", "tipline+throttle", "tipline+triage", "tipline+full");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .registerModule(new ConfigValueModule())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new ConfigValueModule())
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

  /** Parses YAML text; {@code label} names the source in error messages. */
  public static Profile parse(byte[] yaml, String label) {
    String text = new String(yaml, java.nio.charset.StandardCharsets.UTF_8);
    if (text.lines().allMatch(l -> l.isBlank() || l.trim().startsWith("#"))) {
      throw new ProfileException(label + ": the file is empty; a profile needs at least 'name'");
    }
    try {
      Profile p = YAML.readValue(yaml, Profile.class);
      if (p == null) {
        throw new ProfileException(label + ": the file is empty; a profile needs at least 'name'");
      }
      return p;
    } catch (JsonMappingException e) {
      throw new ProfileException(describe(e, label, text), e);
    } catch (JsonProcessingException e) {
      throw new ProfileException(label + where(e.getLocation()) + ": not valid YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ProfileException(label + ": cannot be read: " + e.getMessage(), e);
    }
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

  private static String describe(JsonMappingException e, String label, String text) {
    List<String> segments = e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]").toList();
    String path = String.join(".", segments).replace(".[", "[");
    String at = label + where(e.getLocation());
    if (path.isEmpty() && !(e instanceof ValueInstantiationException)) {
      return at + ": a profile must be a mapping of fields, starting with 'name'";
    }
    if (e instanceof UnrecognizedPropertyException || e instanceof ValueInstantiationException) {
      // Jackson buffers record properties, so its location is the end of the section: find the key.
      at = label + YamlKeyLocator.locate(text, segments).orElse(where(e.getLocation()));
    }
    if (e instanceof UnrecognizedPropertyException u) {
      String allowed = u.getKnownPropertyIds().stream().map(Object::toString).sorted()
          .collect(Collectors.joining(", "));
      return at + ": unknown field '" + path + "'; allowed here: " + allowed;
    }
    if (e instanceof ValueInstantiationException && e.getCause() instanceof InvalidFieldException f) {
      String full = path.isEmpty() ? f.field() : path + "." + f.field();
      return at + ": field '" + full + "': " + f.problem();
    }
    if (e instanceof InvalidFormatException) {
      return at + ": field '" + path + "': " + e.getOriginalMessage().replaceFirst("^Cannot deserialize value of type `[^`]*` from String \"[^\"]*\": ", "");
    }
    if (e instanceof MismatchedInputException m) {
      String type = m.getTargetType() == null ? "value" : expected(m.getTargetType());
      return at + ": field '" + path + "': wrong type; expected " + type;
    }
    return at + ": field '" + path + "': " + e.getOriginalMessage();
  }

  private static String expected(Class<?> type) {
    if (type == ByteSize.class) {
      return ByteSize.ALLOWED;
    }
    if (type == ByteRate.class) {
      return ByteRate.ALLOWED;
    }
    if (type == CountCap.class) {
      return CountCap.ALLOWED;
    }
    if (type == java.time.Duration.class) {
      return Durations.ALLOWED;
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "text";
    }
    return "a section (a mapping of fields)";
  }

  private static String where(JsonLocation loc) {
    return loc == null || loc.getLineNr() < 1 ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr();
  }
}
