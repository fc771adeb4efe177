/**
 * A streaming push parser for multipart/form-data request bodies (RFC 7578, RFC 2046 section 5.1),
 * fed by the event loop buffer by buffer; it replaces Netty's HttpPostRequestDecoder on the tip
 * upload path. {@link dev.tipflood.server.api.upload.multipart.MultipartParser} is the entry point;
 * {@link dev.tipflood.server.api.upload.multipart.MultipartListener} receives the parts.
 *
 * <p>Where the RFCs leave a choice, this parser is strict, so that a flood of odd bodies costs
 * little and fails with a precise message:
 * <ul>
 *   <li>The first delimiter may start the body without a CRLF; any earlier bytes are preamble,
 *       capped. A body whose first delimiter is the close delimiter (no parts) is MALFORMED.</li>
 *   <li>Header lines must end in CRLF (a bare LF or CR is MALFORMED), obsolete line folding is
 *       MALFORMED, and a second Content-Disposition or Content-Type header is MALFORMED.</li>
 *   <li>Content-Disposition parameters: quoted-strings take backslash escapes (so an unescaped
 *       Windows path in a filename loses its backslashes), a parameter given twice is MALFORMED,
 *       {@code filename*} (UTF-8 or ISO-8859-1) wins over {@code filename}, and
 *       {@code filename=""} is kept as an empty string. Invalid UTF-8 in header values becomes
 *       U+FFFD rather than an error.</li>
 *   <li>Transport padding and the CRLF after the close delimiter are not epilogue; every other
 *       byte after it counts against the epilogue cap.</li>
 * </ul>
 */
package dev.tipflood.server.api.upload.multipart;
