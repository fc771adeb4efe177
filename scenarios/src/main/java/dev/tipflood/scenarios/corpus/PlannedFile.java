package dev.tipflood.scenarios.corpus;

import dev.tipflood.scenarios.model.MediaType;

/**
 * One file of a scenario's corpus as planned, before any byte is made: what the forecast needs.
 * The generated file has exactly {@code bytes} bytes (the generator pads to its target).
 *
 * @param path           relative path it will have in the corpus, as in the manifest
 * @param population     the population it is made for
 * @param mediaType      photo, gif or video
 * @param contentType    MIME type it is uploaded with
 * @param bytes          its planned size, after the scenario's scale
 * @param durationMillis video playing time, 0 for stills
 */
public record PlannedFile(String path, String population, MediaType mediaType, String contentType, long bytes,
                          long durationMillis) {
}
