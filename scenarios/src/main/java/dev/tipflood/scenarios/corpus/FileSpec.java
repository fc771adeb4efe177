package dev.tipflood.scenarios.corpus;

import dev.tipflood.scenarios.corpus.render.View;
import dev.tipflood.scenarios.model.MediaType;
import dev.tipflood.scenarios.model.Truth;
import java.util.Optional;

/**
 * Everything needed to make one file, decided up front so files can be made in any order.
 *
 * @param path        relative path in the corpus
 * @param format      jpeg, png, gif or avi
 * @param targetBytes size to reach (after scale)
 * @param durationMs  video duration, 0 otherwise
 * @param sceneSeed   the scene rendered
 * @param quality     JPEG quality of photos and video frames
 * @param shrink      extra dimension factor (resize variants use 0.5–0.9)
 * @param exactOf     for exact re-uploads, the source whose bytes are copied
 * @param fileSeed    seed of this file's own random choices (padding bytes)
 */
record FileSpec(String path, String population, Truth truth, MediaType type, String format, long targetBytes,
                long durationMs, long sceneSeed, View view, Optional<String> caption, float quality, double shrink,
                Transform transform, String sourceId, String clusterId, Optional<FileSpec> exactOf, long fileSeed) {

    String contentType() {
        return switch (format) {
            case "jpeg" -> "image/jpeg";
            case "png" -> "image/png";
            case "gif" -> "image/gif";
            default -> "video/x-msvideo";
        };
    }
}
