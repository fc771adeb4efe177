package dev.tipflood.server.config;

import dev.tipflood.server.defence.InvalidSettingException;
import dev.tipflood.server.defence.triage.brownout.Brownout;
import dev.tipflood.server.defence.triage.duplicate.DuplicatePolicy;
import dev.tipflood.server.defence.triage.duplicate.ExactDuplicates;
import dev.tipflood.server.defence.triage.duplicate.StoredDigests;
import dev.tipflood.server.defence.triage.score.Jurisdiction;
import dev.tipflood.server.defence.triage.score.TriageScore;
import dev.tipflood.server.defence.triage.similar.NearDuplicates;
import dev.tipflood.server.defence.triage.sniff.MediaCaps;
import dev.tipflood.server.defence.triage.sniff.MediaSniff;
import java.util.Map;
import java.util.Set;

/**
 * The triage kinds of the {@link DefenceCatalogue}: their settings, defaults and builders.
 * docs/triage.md documents the same table.
 */
final class TriageKinds {
  /** How the catalogue takes a kind. */
  @FunctionalInterface
  interface Registry {
    void kind(String name, Map<String, String> defaults, Set<String> scaled, DefenceCatalogue.Builder builder);
  }

  private TriageKinds() {}

  static void register(Registry r) {
    r.kind("media-sniff", DefenceCatalogue.settings("maxPixels", "100000000", "maxGifFrames", "1000", "maxVideoFrames", "216000",
            "maxDeclaredBytes", "512MB"), Set.of("maxDeclaredBytes"),
        (s, clock, triage) -> new MediaSniff(new MediaCaps(positive(s, "maxPixels"), positive(s, "maxGifFrames"),
            positive(s, "maxVideoFrames"), Math.max(1, s.bytes("maxDeclaredBytes")))));
    r.kind("exact-duplicate", DefenceCatalogue.settings("onDuplicate", "down-rank", "penalty", "30", "maxDigests", "1000000"), Set.of(),
        (s, clock, triage) -> new ExactDuplicates(new ExactDuplicates.Settings(
            s.choice("onDuplicate", DuplicatePolicy::parse), s.intCount("penalty")), triage.memory(),
            new StoredDigests(positive(s, "maxDigests"))));
    r.kind("triage-score", DefenceCatalogue.settings("jurisdiction", Jurisdiction.DALLAS, "inJurisdiction", "40", "description", "30",
            "plausibleTime", "20", "minWords", "4", "maxAge", "168h", "futureSkew", "10m", "devicePenalty", "20",
            "addressPenalty", "5", "maxPenalty", "60"), Set.of(),
        (s, clock, triage) -> new TriageScore(new TriageScore.Settings(s.choice("jurisdiction", Jurisdiction::parse),
            s.intCount("inJurisdiction"), s.intCount("description"), s.intCount("plausibleTime"),
            s.intCount("minWords"), s.duration("maxAge"), s.duration("futureSkew"), s.intCount("devicePenalty"),
            s.intCount("addressPenalty"), s.intCount("maxPenalty")), triage.memory()));
    r.kind("pdq-blocklist", DefenceCatalogue.settings("onMatch", "reject", "penalty", "40", "frames", "3",
            "maxPixels", "67108864", "witnessHashes", "200000", "maxPending", "32"), Set.of(),
        (s, clock, triage) -> new NearDuplicates(new NearDuplicates.Settings(s.choice("onMatch", TriageKinds::onMatch),
            s.intCount("penalty"), bounded(s, "frames", 1, 32), positive(s, "maxPixels"),
            (int) Math.min(Integer.MAX_VALUE, positive(s, "witnessHashes")),
            (int) Math.min(Integer.MAX_VALUE, positive(s, "maxPending"))), triage));
    registerBrownout(r);
  }

  static void registerBrownout(Registry r) {
    r.kind("brownout", DefenceCatalogue.settings("queueAbove", "400", "uploadsAbove", "64", "later", "1m",
            "textAloneAfter", "10m"), Set.of(),
        (s, clock, triage) -> new Brownout(new Brownout.Settings(s.count("queueAbove"), s.count("uploadsAbove"),
            positiveDuration(s, "later"), textAloneAfter(s)), triage.pressure()));
  }

  /** Longer than the upload slot, or no client could ever upload before the window closes. */
  private static java.time.Duration textAloneAfter(DefenceSettings s) {
    java.time.Duration d = positiveDuration(s, "textAloneAfter");
    java.time.Duration later = s.duration("later");
    InvalidSettingException.require(later == null || d.compareTo(later) > 0, "textAloneAfter",
        "must be longer than later (" + s.raw("later") + "), got " + s.raw("textAloneAfter"));
    return d;
  }

  private static java.time.Duration positiveDuration(DefenceSettings s, String field) {
    java.time.Duration d = s.duration(field);
    InvalidSettingException.require(d != null && !d.isZero(), field, "must be a positive duration");
    return d;
  }

  private static boolean onMatch(String text) {
    return switch (text.trim()) {
      case "reject" -> true;
      case "down-rank" -> false;
      default -> throw new IllegalArgumentException("'" + text + "' is not allowed: use reject or down-rank");
    };
  }

  private static long positive(DefenceSettings s, String field) {
    long n = s.count(field);
    InvalidSettingException.require(n >= 1, field, "must be at least 1, got " + n);
    return n;
  }

  private static int bounded(DefenceSettings s, String field, int min, int max) {
    long n = s.count(field);
    InvalidSettingException.require(n >= min && n <= max, field, "must be between " + min + " and " + max
        + ", got " + n);
    return (int) n;
  }
}
