package dev.tipflood.server.defence.triage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which witness group each grouped tip belongs to, for the reviewers: near-duplicate tips nobody
 * judged junk (several people filming one incident) are grouped by {@code pdq-blocklist}, and a
 * reviewer looking at one of them sees the others' ids. A group's id is the id of its first tip.
 * Holds tip ids only, nothing of the truth. Bounded (least recently used out, Caffeine); a group
 * lists at most {@link #SHOWN} of its tips, and counts all. Thread-safe.
 *
 * <pre>{@code
 * roster.joined("tip-b", "tip-a");              // tip-b resembles tip-a, which founded the group
 * roster.groupOf("tip-a");                      // Group[id=tip-a, size=2, tips=[tip-a, tip-b]]
 * }</pre>
 */
public final class WitnessRoster {
  /** Tips a group lists (its size counts every tip that joined). */
  public static final int SHOWN = 50;

  /**
   * One witness group as a reviewer sees it.
   *
   * @param id the group's id: its first tip's id
   * @param size how many tips joined it, its first included
   * @param tips the first {@link #SHOWN} of them, in the order they joined
   */
  public record Group(String id, int size, List<String> tips) {
    public Group {
      tips = List.copyOf(tips);
    }
  }

  private final Cache<String, String> groupOfTip;
  private final Cache<String, Members> groups;

  /** @param maxTips grouped tips remembered; groups are bounded to the same number */
  public WitnessRoster(long maxTips) {
    this.groupOfTip = Caffeine.newBuilder().maximumSize(maxTips).executor(Runnable::run).build();
    this.groups = Caffeine.newBuilder().maximumSize(maxTips).executor(Runnable::run).build();
  }

  /** Tip {@code tipId} joined the group founded by tip {@code groupId} (which joins it too, if new). */
  public void joined(String tipId, String groupId) {
    Members m = groups.get(groupId, Members::new);
    groupOfTip.put(groupId, groupId);
    if (!tipId.equals(groupId) && groupOfTip.asMap().putIfAbsent(tipId, groupId) == null) {
      m.add(tipId);
    }
  }

  /** The group of a tip, when it is in one with at least one other tip. */
  public Optional<Group> groupOf(String tipId) {
    String id = groupOfTip.getIfPresent(tipId);
    Members m = id == null ? null : groups.getIfPresent(id);
    return m == null ? Optional.empty() : Optional.of(m.snapshot());
  }

  /** A group's tips, the first {@link #SHOWN} listed. */
  private static final class Members {
    private final String id;
    private final List<String> shown = new ArrayList<>();
    private int size;

    Members(String founder) {
      this.id = founder;
      add(founder);
    }

    synchronized void add(String tipId) {
      size++;
      if (shown.size() < SHOWN) {
        shown.add(tipId);
      }
    }

    synchronized Group snapshot() {
      return new Group(id, size, shown);
    }
  }
}
