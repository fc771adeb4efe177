package dev.tipflood.loadgen.measure;

/** Wall and monotonic time, injectable so tests never sleep. */
public interface TimeSource {
  TimeSource SYSTEM = new TimeSource() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public long currentTimeMillis() {
      return System.currentTimeMillis();
    }
  };

  long nanoTime();

  long currentTimeMillis();
}
