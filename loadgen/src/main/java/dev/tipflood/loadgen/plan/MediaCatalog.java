package dev.tipflood.loadgen.plan;

import dev.tipflood.scenarios.corpus.CorpusManifest;
import dev.tipflood.scenarios.corpus.PlannedFile;
import dev.tipflood.scenarios.model.MediaType;
import java.util.List;

/**
 * The files a population's tips draw their media from, by type, in corpus order. The load plan
 * reads them from the generated corpus; the offered-load forecast from the corpus as planned,
 * so both draw the same tips.
 */
@FunctionalInterface
public interface MediaCatalog {

  /** The files of {@code type} made for {@code population}, in manifest order; empty if none. */
  List<MediaFile> files(String population, MediaType type);

  /** A generated corpus: absolute paths and real sizes. */
  static MediaCatalog of(CorpusManifest corpus) {
    return (population, type) -> corpus.files(population, type).stream()
        .map(f -> new MediaFile(corpus.resolve(f).toAbsolutePath().toString(), f.contentType(), f.size()))
        .toList();
  }

  /** A corpus as planned ({@code MediaCorpus.plannedFiles}): relative paths and planned sizes. */
  static MediaCatalog planned(List<PlannedFile> files) {
    return (population, type) -> files.stream()
        .filter(f -> f.population().equals(population) && f.mediaType() == type)
        .map(f -> new MediaFile(f.path(), f.contentType(), f.bytes()))
        .toList();
  }
}
