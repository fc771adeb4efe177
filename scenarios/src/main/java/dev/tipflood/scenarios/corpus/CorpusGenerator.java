package dev.tipflood.scenarios.corpus;

import dev.tipflood.scenarios.Scenario;
import java.nio.file.Path;

/** Plans and writes a corpus (work in progress). */
final class CorpusGenerator {
    private final Scenario scenario;

    CorpusGenerator(Scenario scenario) {
        this.scenario = scenario;
    }

    CorpusManifest generateCached(Path cacheRoot) {
        throw new UnsupportedOperationException("corpus generation for " + scenario.name() + " under " + cacheRoot
                + " is not implemented yet");
    }
}
