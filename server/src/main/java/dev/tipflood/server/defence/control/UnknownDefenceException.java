package dev.tipflood.server.defence.control;

import java.util.List;

/** An admin request named a defence the profile does not declare. */
public final class UnknownDefenceException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private UnknownDefenceException(String message) {
    super(message);
  }

  static UnknownDefenceException of(String name, List<String> known) {
    return new UnknownDefenceException("no defence named '" + name + "'; this profile's defences are: "
        + (known.isEmpty() ? "(none)" : String.join(", ", known)));
  }
}
