package dev.tipflood.loadgen.plan;

/**
 * Who a population's requests appear to come from.
 *
 * @param devices       number of distinct devices (device ids) the population reuses
 * @param rotationShare share of tips sent with a fresh, never-seen device id, to evade
 *                      per-client limits
 * @param devicesPerIp  how many devices share one source address ({@code X-Forwarded-For});
 *                      1 gives each device its own address, a large value models a NAT or carrier
 * @param randomAddress a fresh random address per request instead (a proxy pool); devicesPerIp is then ignored
 */
public record IdentityPlan(int devices, double rotationShare, int devicesPerIp, boolean randomAddress) {
  public IdentityPlan {
    if (devices < 1) {
      throw new IllegalArgumentException("identity.devices must be >= 1, was " + devices);
    }
    Plans.requireShare(rotationShare, "identity.rotationShare");
    if (devicesPerIp < 1) {
      throw new IllegalArgumentException("identity.devicesPerIp must be >= 1, was " + devicesPerIp);
    }
  }
}
