package dev.tipflood.server;

/** Entry point of the mock tip-upload service. */
public final class ServerMain {
  private ServerMain() {}

  public static void main(String[] args) {
    System.err.println("tipflood-server: not built yet");
    System.exit(1);
  }
}
