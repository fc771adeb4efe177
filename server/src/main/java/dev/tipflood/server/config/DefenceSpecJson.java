package dev.tipflood.server.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.tipflood.server.defence.InvalidSettingException;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one entry of a profile's {@code defences} list: a flat mapping of scalars. It validates
 * the entry against the {@link DefenceCatalogue} at once, so an error points at the line of the
 * offending setting (or of the entry, for a missing one).
 */
final class DefenceSpecJson {
  private DefenceSpecJson() {}

  static final class Reader extends JsonDeserializer<DefenceSpec> {
    @Override
    public DefenceSpec deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw new JsonMappingException(p, "wrong type; expected a defence: a mapping with name, kind and its "
            + "settings", p.currentTokenLocation());
      }
      JsonLocation start = p.currentTokenLocation();
      Map<String, JsonLocation> where = new HashMap<>();
      Map<String, String> settings = new LinkedHashMap<>();
      String name = null;
      String kind = null;
      boolean enabled = true;
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String field = p.currentName();
        where.put(field, p.currentTokenLocation());
        JsonToken v = p.nextToken();
        if (!v.isScalarValue() || v == JsonToken.VALUE_NULL) {
          throw error(p, field, "wrong type; expected a single value (text, number or true/false)",
              where.get(field));
        }
        String text = p.getText();
        switch (field) {
          case "name" -> name = text;
          case "kind" -> kind = text;
          case "enabled" -> {
            if (!v.isBoolean()) {
              throw error(p, field, "wrong type; expected true or false", where.get(field));
            }
            enabled = p.getBooleanValue();
          }
          default -> settings.put(field, text);
        }
      }
      DefenceSpec spec = new DefenceSpec(name, kind, enabled, settings);
      try {
        DefenceCatalogue.validate(spec);
      } catch (InvalidSettingException e) {
        String about = name == null ? "" : " (defence '" + name + "'" + (kind == null ? "" : ", kind " + kind) + ")";
        throw error(p, e.field(), e.problem() + about, where.getOrDefault(e.field(), start));
      }
      return spec;
    }

    private static JsonMappingException error(JsonParser p, String field, String problem, JsonLocation at) {
      JsonMappingException e = new JsonMappingException(p, problem, at);
      e.prependPath(null, field);
      return e;
    }
  }

  static final class Writer extends JsonSerializer<DefenceSpec> {
    @Override
    public void serialize(DefenceSpec spec, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeStartObject();
      gen.writeStringField("name", spec.name());
      gen.writeStringField("kind", spec.kind());
      gen.writeBooleanField("enabled", spec.enabled());
      for (Map.Entry<String, String> s : spec.settings().entrySet()) {
        gen.writeStringField(s.getKey(), s.getValue());
      }
      gen.writeEndObject();
    }
  }
}
