package dev.tipflood.scenarios.model;

import dev.tipflood.binding.Checks;
import dev.tipflood.binding.Rule;

/**
 * Who the clients appear to be.
 *
 * @param devices       distinct device ids the population uses (requests pick one uniformly)
 * @param rotationShare share of requests that present a fresh, never-seen device id instead,
 *                      to evade per-client limits
 * @param ipMapping     how source addresses map to devices
 */
public record IdentityModel(int devices, double rotationShare, IpMapping ipMapping) {
    public IdentityModel {
        Checks.of().check("devices", devices, Rule.AT_LEAST_ONE).check("rotationShare", rotationShare, Rule.FRACTION)
                .notNull("ipMapping", ipMapping).done();
    }
}
