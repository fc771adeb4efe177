package dev.tipflood.server.defence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One media part of a tip POST as triage sees it: what the client declared, its first bytes
 * (before any is stored), and once it is complete its size and SHA-256. Defences write what they
 * learned about it ({@link #sniffedType}, {@link #note}) for later points, e.g. a duplicate found
 * at {@link Point#MEDIA_END} that lowers the priority at {@link Point#DURABLE}. Confined to the
 * request's event loop, except notes written by a defence's worker before its ticket settles.
 */
public final class MediaPart {
  /** How many first bytes {@link Point#MEDIA_HEAD} sees: enough for every header the caps read. */
  public static final int HEAD_BYTES = 64 * 1024;

  private final int index;
  private final String declaredType;
  private final String filename;
  private byte[] head = new byte[0];
  private String sniffedType;
  private long size = -1;
  private String sha256;
  private java.nio.file.Path file;
  private final List<PartScanner> scanners = new ArrayList<>(2);
  private final Map<String, Object> notes = new ConcurrentHashMap<>();
  private volatile String linkTipId;
  private volatile String linkStoredAs;

  public MediaPart(int index, String declaredType, String filename) {
    this.index = index;
    this.declaredType = Objects.requireNonNull(declaredType, "declaredType");
    this.filename = Objects.requireNonNull(filename, "filename");
  }

  /** Position among the tip's media parts, from 0. */
  public int index() {
    return index;
  }

  /** The part's Content-Type as the client sent it. */
  public String declaredType() {
    return declaredType;
  }

  public String filename() {
    return filename;
  }

  /** The first bytes (at most {@link #HEAD_BYTES}); empty before {@link Point#MEDIA_HEAD}. Do not modify. */
  public byte[] head() {
    return head;
  }

  public void head(byte[] bytes) {
    this.head = bytes;
  }

  /** The type a sniffing defence found in the bytes; null when none has looked. */
  public String sniffedType() {
    return sniffedType;
  }

  public void sniffedType(String type) {
    this.sniffedType = type;
  }

  /** Bytes in the part; -1 before {@link Point#MEDIA_END}. */
  public long size() {
    return size;
  }

  /** Lower-case hex SHA-256 of the bytes; null before {@link Point#MEDIA_END}. */
  public String sha256() {
    return sha256;
  }

  /** The part's complete bytes are in {@code temp} (read-only to defences). */
  public void completed(long bytes, String hex, java.nio.file.Path temp) {
    this.size = bytes;
    this.sha256 = hex;
    this.file = temp;
  }

  /** The temp file holding the complete part; null before {@link Point#MEDIA_END}. */
  public java.nio.file.Path file() {
    return file;
  }

  /** Has {@code scanner} see every chunk of this part from the head on. */
  public void watch(PartScanner scanner) {
    scanners.add(Objects.requireNonNull(scanner, "scanner"));
  }

  public List<PartScanner> scanners() {
    return Collections.unmodifiableList(scanners);
  }

  /**
   * Asks that this part not be kept: the tip refers to {@code storedAs}, the byte-identical copy
   * tip {@code tipId} already stored (at {@link Point#MEDIA_END}).
   */
  public void linkTo(String tipId, String storedAs) {
    this.linkStoredAs = Objects.requireNonNull(storedAs, "storedAs");
    this.linkTipId = Objects.requireNonNull(tipId, "tipId");
  }

  /** The earlier tip whose stored copy this part links to; null to keep the part's own copy. */
  public String linkTipId() {
    return linkTipId;
  }

  /** The stored name of that copy; null to keep the part's own copy. */
  public String linkStoredAs() {
    return linkStoredAs;
  }

  /** Records a finding under {@code key} (a defence's own name space, e.g. {@code duplicate.of}). */
  public void note(String key, Object value) {
    notes.put(key, value);
  }

  /** A finding recorded under {@code key}, or null. */
  @SuppressWarnings("unchecked")
  public <T> T noted(String key) {
    return (T) notes.get(key);
  }
}
