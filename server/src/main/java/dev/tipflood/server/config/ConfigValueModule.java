package dev.tipflood.server.config;

import dev.tipflood.units.ByteRate;

import dev.tipflood.units.Durations;

import dev.tipflood.units.ByteSize;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;

/** Jackson (de)serializers for the value types of a profile: sizes, counts and durations as text. */
final class ConfigValueModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  ConfigValueModule() {
    super("tipflood-config-values");
    addDeserializer(ByteSize.class, new TextDeserializer<>(ByteSize.class, ByteSize::parseOrUnlimited));
    addDeserializer(ByteRate.class, new TextDeserializer<>(ByteRate.class, ByteRate::parseOrUnlimited));
    addSerializer(ByteRate.class, new TextSerializer<>(ByteRate::toString));
    addDeserializer(CountCap.class, new TextDeserializer<>(CountCap.class, CountCap::parse));
    addDeserializer(Duration.class, new TextDeserializer<>(Duration.class, Durations::parse));
    addSerializer(ByteSize.class, new TextSerializer<>(ByteSize::toString));
    addSerializer(CountCap.class, new TextSerializer<>(CountCap::toString));
    addSerializer(Duration.class, new TextSerializer<>(Durations::format));
    addDeserializer(DefenceSpec.class, new DefenceSpecJson.Reader());
    addSerializer(DefenceSpec.class, new DefenceSpecJson.Writer());
  }

  /** Accepts a scalar (string or number) and parses its text; anything else is a type error. */
  private static final class TextDeserializer<T> extends JsonDeserializer<T> {
    private final Class<T> type;
    private final Function<String, T> parser;

    TextDeserializer(Class<T> type, Function<String, T> parser) {
      this.type = type;
      this.parser = parser;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      if (!t.isScalarValue() || t == JsonToken.VALUE_NULL || t.isBoolean()) {
        return type.cast(ctxt.handleUnexpectedToken(type, p));
      }
      String text = p.getText();
      try {
        return parser.apply(text);
      } catch (IllegalArgumentException e) {
        throw ctxt.weirdStringException(text, type, e.getMessage());
      }
    }
  }

  private static final class TextSerializer<T> extends JsonSerializer<T> {
    private final Function<T, String> printer;

    TextSerializer(Function<T, String> printer) {
      this.printer = printer;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeString(printer.apply(value));
    }
  }
}
