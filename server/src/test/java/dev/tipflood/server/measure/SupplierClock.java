package dev.tipflood.server.measure;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;

/** A UTC wall clock whose epoch millis come from a supplier: a test drives time by hand. */
public final class SupplierClock extends Clock {

  private final LongSupplier millis;

  public SupplierClock(LongSupplier millis) {
    this.millis = millis;
  }

  @Override
  public long millis() {
    return millis.getAsLong();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
