package dev.tipflood.server.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.tipflood.units.ByteRate;
import dev.tipflood.units.ByteSize;
import dev.tipflood.units.Durations;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Jackson serializers for printing a resolved profile as JSON ({@code --print-profile}): sizes,
 * bandwidths, counts and durations as text in the grammar the YAML uses, so the output reads back.
 * Reading profiles is {@link ProfileReader}'s job, not Jackson databind's.
 */
final class ProfileJsonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  ProfileJsonModule() {
    super("tipflood-profile-json");
    addSerializer(ByteRate.class, new TextSerializer<>(ByteRate::toString));
    addSerializer(ByteSize.class, new TextSerializer<>(ByteSize::toString));
    addSerializer(CountCap.class, new TextSerializer<>(CountCap::toString));
    addSerializer(Duration.class, new TextSerializer<>(Durations::format));
    addSerializer(DefenceSpec.class, new DefenceSpecWriter());
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

  /** One entry of the {@code defences} list, as the flat mapping the YAML has. */
  private static final class DefenceSpecWriter extends JsonSerializer<DefenceSpec> {
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
