package dev.tipflood.scenarios.reader;

import dev.tipflood.binding.Conv;
import dev.tipflood.binding.Convs;
import dev.tipflood.binding.MapView;
import dev.tipflood.binding.Problems;
import dev.tipflood.binding.Rule;
import dev.tipflood.binding.YNode;
import dev.tipflood.binding.YamlDocument;
import dev.tipflood.scenarios.model.BoundingBox;
import dev.tipflood.scenarios.model.ClientBehaviour;
import dev.tipflood.scenarios.model.DefenceEvent;
import dev.tipflood.scenarios.model.IdentityModel;
import dev.tipflood.scenarios.model.IpMapping;
import dev.tipflood.scenarios.model.MetadataRealism;
import dev.tipflood.scenarios.model.Population;
import dev.tipflood.scenarios.model.RetryCondition;
import dev.tipflood.scenarios.model.RetryPolicy;
import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.scenarios.model.Slo;
import dev.tipflood.scenarios.model.Target;
import dev.tipflood.scenarios.model.Truth;
import dev.tipflood.scenarios.validate.ScenarioException;
import dev.tipflood.units.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads scenario YAML into the immutable model. Defaults live here and are documented in
 * {@code docs/scenarios.md}; range rules live in the records and are shared.
 */
public final class ScenarioReader {

    private ScenarioReader() {
    }

    /** Parses and validates; throws {@link dev.tipflood.scenarios.validate.ScenarioException} listing every problem. */
    public static Scenario read(String yaml, String file) {
        return YamlDocument.read(yaml, file, ScenarioReader::scenario, ScenarioException::new);
    }

    private static Scenario scenario(MapView m) {
        String name = m.required("name", Convs.text(Scenario.NAME_EXPECTED), Scenario.NAME_EXPECTED);
        String description = m.required("description", Convs.text("text"), "say what it models and why its numbers are plausible");
        Long seed = m.optional("seed", Convs.longInteger(), 1L);
        Duration duration = m.required("duration", Convs.duration(), Durations.EXPECTED);
        Double scale = m.optional("scale", Convs.number(Rule.SCALE), 1.0);
        Target target = m.optional("target", ScenarioReader::target, Target.embedded());
        String profile = m.optional("profile", Convs.text("a server profile name or YAML file"), "naive");
        Slo slo = m.optional("slo", Convs.object(ScenarioReader::slo), Slo.defaults());
        List<Population> populations = m.required("populations", Convs.list(Convs.object(ScenarioReader::population)),
                "a list of populations");
        List<DefenceEvent> events = m.optional("events", Convs.list(Convs.object(ScenarioReader::event)), List.of());
        return m.build(() -> new Scenario(name, description, seed, duration, scale, target, profile, slo, populations,
                events));
    }

    private static DefenceEvent event(MapView m) {
        Duration at = m.required("at", Convs.duration(), Durations.EXPECTED);
        String enable = m.optional("enable", Convs.text(DefenceEvent.NAME_EXPECTED), null);
        String disable = m.optional("disable", Convs.text(DefenceEvent.NAME_EXPECTED), null);
        String set = m.optional("set", Convs.text(DefenceEvent.SET_EXPECTED), null);
        String to = m.optional("to", Convs.text("the new value, as in a profile: 50/s, 2MB/s, 10"), null);
        return m.build(() -> new DefenceEvent(at, enable, disable, set, to));
    }

    /** {@code embedded}, a URL, or {@code {url: http://...}}. */
    private static Target target(YNode node, String path, Problems problems) {
        Conv<Target> text = Convs.parsed(Target::parse, Target.EXPECTED);
        if (node instanceof YNode.Mapping) {
            return Convs.object(t -> {
                Target url = t.required("url", text, Target.EXPECTED);
                return t.build(() -> url);
            }).read(node, path, problems);
        }
        return text.read(node, path, problems);
    }

    private static Slo slo(MapView m) {
        Slo d = Slo.defaults();
        Duration acceptP99 = m.optional("legitAcceptP99", Convs.duration(), d.legitAcceptP99());
        Double success = m.optional("legitSuccessRatio", Convs.number(Rule.FRACTION), d.legitSuccessRatio());
        Duration reviewP95 = m.optional("legitTimeToReviewP95", Convs.duration(), d.legitTimeToReviewP95());
        Double junkShare = m.optional("junkStorageShareMax", Convs.number(Rule.FRACTION), d.junkStorageShareMax());
        return m.build(() -> new Slo(acceptP99, success, reviewP95, junkShare));
    }

    private static Population population(MapView m) {
        String name = m.required("name", Convs.text(Population.NAME_EXPECTED), Population.NAME_EXPECTED);
        Truth truth = m.required("truth", Convs.enumId(Truth.class, Truth::id), "legit or junk");
        var arrival = m.required("arrival", Kinds.ARRIVALS.conv(null), "an arrival process, e.g. {kind: poisson, rate: 2}");
        IdentityModel identity = m.optional("identity", Convs.object(ScenarioReader::identity), defaultIdentity());
        var media = m.required("media", Convs.object(MediaReader::media), "a media mix");
        MetadataRealism metadata = m.optional("metadata", Convs.object(ScenarioReader::metadata), defaultMetadata());
        ClientBehaviour client = m.optional("client", Convs.object(ScenarioReader::client), defaultClient());
        return m.build(() -> new Population(name, truth, arrival, identity, media, metadata, client));
    }

    private static IdentityModel defaultIdentity() {
        return new IdentityModel(1000, 0, IpMapping.perDevice());
    }

    private static IdentityModel identity(MapView m) {
        Integer devices = m.optional("devices", Convs.integer(Rule.AT_LEAST_ONE), 1000);
        Double rotation = m.optional("rotationShare", Convs.number(Rule.FRACTION), 0.0);
        IpMapping ip = m.optional("ipMapping", Convs.parsed(IpMapping::parse, IpMapping.EXPECTED), IpMapping.perDevice());
        return m.build(() -> new IdentityModel(devices, rotation, ip));
    }

    private static MetadataRealism defaultMetadata() {
        return new MetadataRealism(1, 1, 1, BoundingBox.DALLAS);
    }

    private static MetadataRealism metadata(MapView m) {
        Double in = m.optional("inJurisdiction", Convs.number(Rule.FRACTION), 1.0);
        Double desc = m.optional("realDescription", Convs.number(Rule.FRACTION), 1.0);
        Double time = m.optional("plausibleTime", Convs.number(Rule.FRACTION), 1.0);
        BoundingBox box = m.optional("jurisdiction", Convs.object(ScenarioReader::box), BoundingBox.DALLAS);
        return m.build(() -> new MetadataRealism(in, desc, time, box));
    }

    private static BoundingBox box(MapView m) {
        Double minLat = m.required("minLat", Convs.number(Rule.LATITUDE), Rule.LATITUDE.expected());
        Double minLon = m.required("minLon", Convs.number(Rule.LONGITUDE), Rule.LONGITUDE.expected());
        Double maxLat = m.required("maxLat", Convs.number(Rule.LATITUDE), Rule.LATITUDE.expected());
        Double maxLon = m.required("maxLon", Convs.number(Rule.LONGITUDE), Rule.LONGITUDE.expected());
        return m.build(() -> new BoundingBox(minLat, minLon, maxLat, maxLon));
    }

    private static ClientBehaviour defaultClient() {
        return new ClientBehaviour(Duration.ofSeconds(60), RetryPolicy.never(), Optional.empty());
    }

    private static ClientBehaviour client(MapView m) {
        Duration timeout = m.optional("timeout", Convs.positiveDuration(), Duration.ofSeconds(60));
        RetryPolicy retry = m.optional("retry", Convs.object(ScenarioReader::retry), RetryPolicy.never());
        var bandwidth = m.optional("uploadBandwidth", Convs.bandwidth());
        return m.build(() -> new ClientBehaviour(timeout, retry, bandwidth));
    }

    private static RetryPolicy retry(MapView m) {
        List<RetryCondition> on = m.optional("on",
                Convs.list(Convs.parsed(RetryCondition::parse, RetryCondition.EXPECTED)), List.of());
        Integer max = m.optional("max", Convs.integer(Rule.COUNT), 0);
        var backoff = m.optional("backoff", Kinds.BACKOFFS.conv(null), new dev.tipflood.scenarios.model.Backoff.None());
        Boolean honour = m.optional("honourRetryAfter", Convs.bool(), true);
        return m.build(() -> new RetryPolicy(on, max, backoff, honour));
    }
}
