package dev.tipflood.loadgen.cli;

import dev.tipflood.loadgen.run.ExitCodes;
import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.scenarios.corpus.CorpusManifest;
import dev.tipflood.scenarios.corpus.MediaCorpus;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tipflood corpus SCENARIO --out DIR}: generate (or reuse) a scenario's media corpus. */
@Command(name = "corpus", mixinStandardHelpOptions = true,
    description = "Generate the scenario's synthetic media corpus under DIR/<content key>/ (reused when cached).")
final class CorpusCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ScenarioOptions scenario;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Corpus cache root.")
  Path out;

  @Override
  public Integer call() {
    Scenario s = scenario.resolve();
    long t0 = System.nanoTime();
    CorpusManifest m = MediaCorpus.generate(s, out);
    var o = spec.commandLine().getOut();
    o.printf("%s: %d files, %.1f MB in %s (%.1f s)%n", s.name(), m.files().size(), m.totalBytes() / 1e6,
        m.directory(), (System.nanoTime() - t0) / 1e9);
    o.flush();
    return ExitCodes.OK;
  }
}
