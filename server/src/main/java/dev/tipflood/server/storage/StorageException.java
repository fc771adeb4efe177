package dev.tipflood.server.storage;

/** Durable storage failed: a disk error, or a journal that cannot be read back. */
public final class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public StorageException(String message) {
    super(message);
  }
}
