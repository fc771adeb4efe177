package dev.tipflood.scenarios.corpus;

import dev.tipflood.scenarios.model.MediaType;
import dev.tipflood.scenarios.model.Truth;
import java.util.OptionalLong;

/**
 * One generated media file, as listed in {@code manifest.json}.
 *
 * @param path           relative to the corpus directory, with '/' separators
 * @param population     the population it was made for
 * @param truth          legit or junk
 * @param mediaType      photo, gif or video
 * @param contentType    MIME type: image/jpeg, image/png, image/gif or video/x-msvideo
 * @param sourceId       the scene it was rendered from; junk variants of one pool source share it
 * @param clusterId      legit witness cluster id, or the same as sourceId when not clustered
 * @param transform      how it was derived from its scene
 * @param size           bytes
 * @param sha256         lower-case hex SHA-256 of the bytes
 * @param durationMillis video duration; empty for other types
 */
public record CorpusFile(String path, String population, Truth truth, MediaType mediaType, String contentType,
                         String sourceId, String clusterId, Transform transform, long size, String sha256,
                         OptionalLong durationMillis) {
}
