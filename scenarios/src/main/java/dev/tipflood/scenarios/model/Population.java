package dev.tipflood.scenarios.model;

import dev.tipflood.binding.Checks;
import dev.tipflood.binding.Rule;

/**
 * A group of clients that behave alike: a steady trickle of citizens, or a wave of fans.
 *
 * @param name     unique within the scenario; sent in {@code X-Tipflood-Population}
 * @param truth    ground truth of every tip this population sends
 * @param arrival  when tips arrive
 * @param identity devices, identity rotation and address mapping
 * @param media    media mix
 * @param metadata metadata realism
 * @param client   timeouts, retries and upload bandwidth
 */
public record Population(String name, Truth truth, ArrivalSpec arrival, IdentityModel identity, MediaMix media,
                         MetadataRealism metadata, ClientBehaviour client) {

    public static final String NAME_EXPECTED = "1-40 characters: lower-case letters, digits and '-', starting with a letter";

    public Population {
        Checks.of().notNull("name", name).notNull("truth", truth).notNull("arrival", arrival)
                .notNull("identity", identity).notNull("media", media).notNull("metadata", metadata)
                .notNull("client", client).done();
        Checks.of().require(name.matches("[a-z][a-z0-9-]{0,39}"), "name", name, NAME_EXPECTED)
                .require(truth == Truth.JUNK || media.sourcePool().isEmpty(), "media.sourcePool", "present",
                        "only junk populations have a source pool")
                .require(truth == Truth.LEGIT || media.witnessClusterShare() == 0, "media.witnessClusterShare",
                        Rule.format(media.witnessClusterShare()), "only legit populations have witness clusters (use 0)")
                .require(truth == Truth.LEGIT || media.fileTypes().isEmpty() || media.sourcePool().isPresent(),
                        "media.sourcePool", "absent", "a junk population with media needs a sourcePool")
                .done();
    }

    /** The same population with another arrival process. */
    public Population withArrival(ArrivalSpec newArrival) {
        return new Population(name, truth, newArrival, identity, media, metadata, client);
    }
}
