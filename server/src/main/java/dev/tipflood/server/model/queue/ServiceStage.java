package dev.tipflood.server.model.queue;

import dev.tipflood.server.model.time.Scheduler;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * A queueing station: a queue with a discipline and a bound in front of {@code servers} identical
 * servers whose service time is a virtual delay computed per item.
 *
 * <p>Finished items go to the downstream {@link Sink}. If it refuses, the server stays occupied
 * holding the item until the sink has space (blocking after service), so a full review queue
 * stalls the workers in front of it instead of dropping acknowledged tips.
 *
 * <p>Confined to the scheduler's thread; {@link #stats()} may be read from any thread.
 *
 * <pre>{@code
 * ServiceStage<Tip> workers = new ServiceStage<>("processing", 4,
 *     QueueSpec.unbounded(QueueDiscipline.FIFO), tip -> costNanos(tip), scheduler);
 * workers.connect(reviewQueue);
 * boolean taken = workers.arrive(tip, 0);
 * }</pre>
 *
 * @param <T> the work item
 */
public final class ServiceStage<T> implements Sink<T> {

  private final String name;
  private final int servers;
  private final QueueSpec queueSpec;
  private final WorkQueue<T> queue;
  private final ToLongFunction<T> serviceNanos;
  private final Scheduler scheduler;
  private final ArrayDeque<InService<T>> blocked = new ArrayDeque<>();
  private final List<Runnable> spaceWaiters = new ArrayList<>();
  private final List<StageObserver<T>> observers = new ArrayList<>();
  private Sink<T> downstream = Sink.terminal(item -> {});
  private boolean waitingForDownstream;

  // Single writer (the scheduler's thread), read by stats() from any thread.
  private volatile int queued;
  private volatile int inService;
  private volatile long arrivals;
  private volatile long rejected;
  private volatile long departed;
  private volatile long busyNanos;
  private volatile long occupancyNanos;
  private volatile long sojournNanos;
  private volatile long lastChange;

  public ServiceStage(
      String name, int servers, QueueSpec queue, ToLongFunction<T> serviceNanos, Scheduler scheduler) {
    if (servers < 1) {
      throw new IllegalArgumentException(name + ": servers must be >= 1, was " + servers);
    }
    this.name = Objects.requireNonNull(name, "name");
    this.servers = servers;
    this.queueSpec = Objects.requireNonNull(queue, "queue");
    this.queue = new WorkQueue<>(queue);
    this.serviceNanos = Objects.requireNonNull(serviceNanos, "serviceNanos");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.lastChange = scheduler.nanoTime();
  }

  /** Sets where finished items go; by default they are simply dropped off the end. */
  public void connect(Sink<T> next) {
    this.downstream = Objects.requireNonNull(next, "next");
  }

  public void observe(StageObserver<T> observer) {
    observers.add(Objects.requireNonNull(observer, "observer"));
  }

  /** Takes work handed over by an upstream stage, at priority 0; see {@link #handOff}. */
  @Override
  public boolean offer(T item) {
    return handOff(item, 0);
  }

  /**
   * Takes work from an upstream stage if there is space. A refusal is back-pressure, not a loss:
   * it counts neither as an arrival nor as a rejection, and the upstream server keeps the item.
   */
  public boolean handOff(T item, int priority) {
    return hasSpace() && arrive(item, priority);
  }

  /**
   * Starts the item at once if a server is free and nothing waits, queues it otherwise.
   *
   * @param priority higher is served first under {@link QueueDiscipline#PRIORITY}
   * @return false if the bounded queue is full; the item is then not in the stage
   */
  public boolean arrive(T item, int priority) {
    return enter(item, priority, true);
  }

  /**
   * Like {@link #arrive}, but never refuses: the item is queued even past the bound. For work
   * the system has already accepted, whose bound was enforced before it was accepted (an
   * admission check on {@link #hasSpace}), so that what was let in while the queue filled up is
   * not lost.
   */
  public void admit(T item, int priority) {
    enter(item, priority, false);
  }

  private boolean enter(T item, int priority, boolean bounded) {
    Objects.requireNonNull(item, "item");
    long now = scheduler.nanoTime();
    integrate(now);
    arrivals++;
    if (inService < servers && queued == 0) {
      start(new WorkQueue.Waiting<>(item, priority, now, 0), now);
      return true;
    }
    if (!bounded) {
      queue.add(item, priority, now);
    } else if (!queue.offer(item, priority, now)) {
      rejected++;
      observers.forEach(o -> o.rejected(item));
      return false;
    }
    queued = queue.size();
    observers.forEach(o -> o.queued(item));
    return true;
  }

  @Override
  public void whenSpace(Runnable callback) {
    if (hasSpace()) {
      callback.run();
    } else {
      spaceWaiters.add(callback);
    }
  }

  /**
   * Takes out of the queue every waiting item of priority below {@code belowPriority} that has
   * waited longer than {@code maxWaitNanos}: it will not be served. Space it frees goes to
   * upstream stages as usual.
   *
   * @return the items taken out, in queue order
   */
  public List<T> expire(int belowPriority, long maxWaitNanos) {
    long now = scheduler.nanoTime();
    List<WorkQueue.Waiting<T>> gone = queue.removeIf(
        w -> w.priority() < belowPriority && now - w.arrivedAt() > maxWaitNanos);
    if (gone.isEmpty()) {
      return List.of();
    }
    integrate(now);
    queued = queue.size();
    notifySpace();
    return gone.stream().map(WorkQueue.Waiting::item).toList();
  }

  /**
   * Takes out the waiting item that would be served last, if its priority is below
   * {@code belowPriority}: room for a more urgent item in a full queue.
   *
   * @return the item taken out, or null
   */
  public T displaceLast(int belowPriority) {
    WorkQueue.Waiting<T> gone = queue.removeLast(belowPriority);
    if (gone == null) {
      return null;
    }
    integrate(scheduler.nanoTime());
    queued = queue.size();
    return gone.item();
  }

  /** @return true if an offer now would be taken */
  public boolean hasSpace() {
    return inService < servers || queued < queueSpec.bound();
  }

  public String name() {
    return name;
  }

  public StageStats stats() {
    long now = scheduler.nanoTime();
    long dt = Math.max(0, now - lastChange);
    int q = queued;
    int s = inService;
    return new StageStats(
        name, servers, queueSpec.bound(), q, s, arrivals, rejected, departed,
        busyNanos + s * dt, occupancyNanos + (long) (q + s) * dt, sojournNanos, now);
  }

  private void start(WorkQueue.Waiting<T> waiting, long now) {
    inService++;
    InService<T> job = new InService<>(waiting.item(), waiting.arrivedAt());
    observers.forEach(o -> o.started(job.item, now - waiting.arrivedAt()));
    long delay = Math.max(0, serviceNanos.applyAsLong(job.item));
    scheduler.schedule(delay, () -> finish(job));
  }

  private void finish(InService<T> job) {
    if (!blocked.isEmpty() || !downstream.offer(job.item)) {
      blocked.add(job);
      awaitDownstream();
      return;
    }
    depart(job);
  }

  private void awaitDownstream() {
    if (!waitingForDownstream) {
      waitingForDownstream = true;
      downstream.whenSpace(this::unblock);
    }
  }

  private void unblock() {
    waitingForDownstream = false;
    while (!blocked.isEmpty() && downstream.offer(blocked.peek().item)) {
      depart(blocked.poll());
    }
    if (!blocked.isEmpty()) {
      awaitDownstream();
    }
  }

  private void depart(InService<T> job) {
    long now = scheduler.nanoTime();
    integrate(now);
    inService--;
    departed++;
    long sojourn = now - job.arrivedAt;
    sojournNanos += sojourn;
    observers.forEach(o -> o.departed(job.item, sojourn));
    WorkQueue.Waiting<T> next = queue.poll();
    if (next != null) {
      queued = queue.size();
      start(next, now);
    }
    notifySpace();
  }

  private void notifySpace() {
    if (spaceWaiters.isEmpty() || !hasSpace()) {
      return;
    }
    List<Runnable> waiters = new ArrayList<>(spaceWaiters);
    spaceWaiters.clear();
    waiters.forEach(Runnable::run);
  }

  private void integrate(long now) {
    long dt = now - lastChange;
    if (dt > 0) {
      busyNanos += inService * dt;
      occupancyNanos += (long) (queued + inService) * dt;
      lastChange = now;
    }
  }

  private record InService<T>(T item, long arrivedAt) {}
}
