/**
 * PDQ, Meta's 256-bit perceptual hash, and a blocklist index over it: near-duplicate detection
 * of media against hashes that reviewers judged junk (or that ops seeded from a file).
 *
 * <ul>
 *   <li>{@link dev.tipflood.server.media.pdq.PdqHasher}: picture to {@link dev.tipflood.server.media.pdq.PdqResult}
 *       (hash and quality); {@link dev.tipflood.server.media.pdq.PdqImages} decodes files and bytes.</li>
 *   <li>{@link dev.tipflood.server.media.pdq.PdqIndex}: multi-index hashing (16 words of 16 bits), thread-safe.</li>
 *   <li>{@link dev.tipflood.server.media.pdq.PdqMatching}: the match convention (distance at most 31,
 *       quality at least 50).</li>
 *   <li>{@link dev.tipflood.server.media.pdq.PdqBlocklistFile}: the {@code hash,quality,file} file format.</li>
 * </ul>
 *
 * <p>Depends on nothing but {@code java.*} and {@code javax.imageio}: no Vert.x, so it runs in unit
 * tests, benchmarks and the CLI alike. Hashing blocks a thread for milliseconds: workers only.
 */
package dev.tipflood.server.media.pdq;
