package dev.tipflood.scenarios.corpus;

import dev.tipflood.scenarios.model.MediaType;
import java.nio.file.Path;
import java.util.List;

/**
 * A generated corpus: where it is and what it holds. Written to {@code manifest.json} in the
 * corpus directory (see {@code docs/corpus.md}); the same scenario parts and generator version
 * always give a byte-identical manifest.
 *
 * @param directory        the corpus directory (not serialised)
 * @param key              the content key: hash of the corpus-relevant scenario parts and the
 *                         generator version; the directory's name under the cache root
 * @param generatorVersion version of the generator code
 * @param scenario         scenario name it was generated for
 * @param seed             scenario seed
 * @param scale            scale applied to sizes
 * @param files            every file, in generation order
 */
public record CorpusManifest(Path directory, String key, int generatorVersion, String scenario, long seed,
                             double scale, List<CorpusFile> files) {
    public CorpusManifest {
        files = List.copyOf(files);
    }

    /** Files of one population, in manifest order. */
    public List<CorpusFile> files(String population) {
        return files.stream().filter(f -> f.population().equals(population)).toList();
    }

    /** Files of one population and media type. */
    public List<CorpusFile> files(String population, MediaType type) {
        return files.stream().filter(f -> f.population().equals(population) && f.mediaType() == type).toList();
    }

    /** Absolute path of a file. */
    public Path resolve(CorpusFile file) {
        return directory.resolve(file.path());
    }

    public long totalBytes() {
        return files.stream().mapToLong(CorpusFile::size).sum();
    }

    /** Reads {@code manifest.json} from a corpus directory. */
    public static CorpusManifest read(Path directory) {
        return ManifestJson.read(directory);
    }
}
