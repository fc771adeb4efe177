package dev.tipflood.archfixtures.defence;

import dev.tipflood.server.measure.truth.Truth;
import dev.tipflood.server.measure.truth.TruthHeaders;

/** VIOLATION fixture: a "defence" that uses the truth types and the header constant. */
public final class UsesTruthType {
  public boolean isJunk(java.util.function.UnaryOperator<String> headers) {
    return Truth.fromWire(headers.apply(TruthHeaders.TRUTH)).orElse(Truth.LEGIT) == Truth.JUNK;
  }
}
