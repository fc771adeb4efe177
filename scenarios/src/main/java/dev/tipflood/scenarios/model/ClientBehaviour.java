package dev.tipflood.scenarios.model;

import dev.tipflood.binding.Checks;
import dev.tipflood.units.ByteRate;
import dev.tipflood.units.Durations;
import java.time.Duration;
import java.util.Optional;

/**
 * How one simulated client behaves.
 *
 * @param timeout         request timeout, from first byte sent to last byte received
 * @param retry           retry policy
 * @param uploadBandwidth optional cap on each client's upload rate, before {@code scale}
 *                        (slow mobile uplinks, slowloris-like trickles)
 */
public record ClientBehaviour(Duration timeout, RetryPolicy retry, Optional<ByteRate> uploadBandwidth) {
    public ClientBehaviour {
        Checks.of().notNull("timeout", timeout).notNull("retry", retry).notNull("uploadBandwidth", uploadBandwidth)
                .done();
        Checks.of().require(timeout.toMillis() > 0, "timeout", Durations.format(timeout), "must be > 0s").done();
    }
}
