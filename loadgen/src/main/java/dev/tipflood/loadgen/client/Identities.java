package dev.tipflood.loadgen.client;

import dev.tipflood.loadgen.plan.IdentityPlan;
import java.util.random.RandomGenerator;

/**
 * Gives each tip of a population a device id and a source address, following its identity model.
 * Device ids are stable strings derived from the population and device number; rotated tips get a
 * fresh id that is never reused. Addresses come from 10.0.0.0/8, one per {@code devicesPerIp}
 * devices, and are sent as {@code X-Forwarded-For} (loopback cannot bind thousands of real ones).
 */
public final class Identities {
  private final String population;
  private final IdentityPlan plan;
  private final int populationIndex;
  private long rotated;

  public Identities(String population, int populationIndex, IdentityPlan plan) {
    this.population = population;
    this.populationIndex = populationIndex;
    this.plan = plan;
  }

  /** An identity for the next tip. Not thread-safe: one instance per population feeder. */
  public Identity next(RandomGenerator random) {
    long device;
    String deviceId;
    if (random.nextDouble() < plan.rotationShare()) {
      device = plan.devices() + rotated++;
      deviceId = population + "-r" + (device - plan.devices());
    } else {
      device = random.nextInt(plan.devices());
      deviceId = population + "-d" + device;
    }
    long ip = plan.randomAddress() ? random.nextInt(1 << 16) : device / plan.devicesPerIp();
    return new Identity(deviceId, address(ip));
  }

  /** 10.p.x.y where p is the population: populations never share an address by accident. */
  String address(long ipIndex) {
    long host = ipIndex % (1 << 16);
    return "10." + (populationIndex % 256) + "." + (host >> 8) + "." + (host & 0xff);
  }

  /** A device id and its source address. */
  public record Identity(String deviceId, String sourceIp) {
  }
}
