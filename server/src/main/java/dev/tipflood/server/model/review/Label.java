package dev.tipflood.server.model.review;

/** What a tip is, as a human reviewer judges it. */
public enum Label {
  /** A real tip about an incident. */
  LEGIT,
  /** Flood content: a fancam, a meme, spam. */
  JUNK
}
