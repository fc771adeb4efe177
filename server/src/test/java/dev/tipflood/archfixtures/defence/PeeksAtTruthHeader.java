package dev.tipflood.archfixtures.defence;

import java.util.function.UnaryOperator;

/** VIOLATION fixture: a "defence" that reads the truth header by its literal name. */
public final class PeeksAtTruthHeader {
  public boolean isJunk(UnaryOperator<String> headers) {
    return "junk".equals(headers.apply("x-tipflood-truth"));
  }
}
