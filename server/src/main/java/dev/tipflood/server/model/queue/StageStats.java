package dev.tipflood.server.model.queue;

/**
 * A consistent-enough snapshot of one stage, for gauges and the timeline. Counters are totals
 * since the stage was built; integrals are in server-nanoseconds or item-nanoseconds.
 *
 * @param name the stage name, e.g. {@code processing} or {@code review}
 * @param servers workers or reviewers
 * @param queueBound the queue bound, {@link QueueSpec#UNBOUNDED} for none
 * @param queued items waiting
 * @param inService items held by a server (being served, or served and blocked downstream)
 * @param arrivals items offered
 * @param rejected items refused because the bounded queue was full
 * @param departed items that left the stage
 * @param busyNanos integral over time of servers in service (utilisation = d(busy) / (servers * dt))
 * @param occupancyNanos integral over time of items in the stage (Little's L times elapsed time)
 * @param sojournNanos sum of the time departed items spent in the stage
 * @param atNanos the scheduler time of the snapshot
 */
public record StageStats(
    String name,
    int servers,
    int queueBound,
    int queued,
    int inService,
    long arrivals,
    long rejected,
    long departed,
    long busyNanos,
    long occupancyNanos,
    long sojournNanos,
    long atNanos) {

  /** Items in the stage: waiting plus held by a server. */
  public int inSystem() {
    return queued + inService;
  }
}
