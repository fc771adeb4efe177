package dev.tipflood.reports.analysis;

/**
 * The run scored against ground truth. The first line is the worst outcome: a real tip that
 * did not get through.
 *
 * @param legitOffered        legit tips started
 * @param legitRejected       legit tips answered with a non-2xx
 * @param legitFailed         legit tips whose last attempt timed out or lost its connection
 * @param legitLost           legit tips still open when the run stopped
 * @param legitGoodput        legit tips accepted within the latency SLO
 * @param junkOffered         junk tips started
 * @param junkAccepted        junk tips accepted
 * @param junkBytesStored     media bytes of accepted junk tips on the server (-1 without server data)
 * @param legitBytesStored    media bytes of accepted legit tips on the server (-1 without server data)
 * @param reviewerSeconds     reviewer time spent in all (-1 without server data)
 * @param reviewerJunkSeconds reviewer time spent on junk (-1 without server data)
 */
public record Scorecard(long legitOffered, long legitRejected, long legitFailed, long legitLost, long legitGoodput,
                        long junkOffered, long junkAccepted, long junkBytesStored, long legitBytesStored,
                        double reviewerSeconds, double reviewerJunkSeconds) {

  /** Legit tips rejected, failed or lost: the worst outcome. */
  public long legitNotAccepted() {
    return legitRejected + legitFailed + legitLost;
  }

  /** Share of stored media bytes that are junk; 0 when nothing is stored, NaN without server data. */
  public double junkStorageShare() {
    if (junkBytesStored < 0) {
      return Double.NaN;
    }
    long total = junkBytesStored + legitBytesStored;
    return total == 0 ? 0 : (double) junkBytesStored / total;
  }

  /** True when server-side figures (storage, reviewers) were recorded. */
  public boolean hasServerData() {
    return junkBytesStored >= 0;
  }
}
