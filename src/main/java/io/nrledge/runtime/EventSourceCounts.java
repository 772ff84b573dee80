package io.nrledge.runtime;

import io.nrledge.io.EventKind;
import io.nrledge.io.EventSink;
import io.nrledge.io.EventSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Events posted per source (bumper, beacon, button…), by the source's name: each source is
 * connected through its own counting sink in front of the event ring. Counting is lock-free and
 * allocation-free on whichever thread posts; events the ring drops are counted too.
 */
public final class EventSourceCounts {
  private final List<String> names;
  private final AtomicLongArray counts;

  /** Not real-time safe. */
  public EventSourceCounts(List<EventSource> sources) {
    this.names = sources.stream().map(EventSource::name).toList();
    this.counts = new AtomicLongArray(names.size());
  }

  /** The sink to connect {@code source} to: counts, then posts to {@code target}. Not real-time safe. */
  public EventSink sinkFor(EventSource source, EventSink target) {
    final int index = names.indexOf(source.name());
    if (index < 0) {
      throw new IllegalArgumentException("unknown event source " + source.name());
    }
    return (EventKind kind, double value, long timestampNs) -> {
      counts.incrementAndGet(index);
      return target.post(kind, value, timestampNs);
    };
  }

  /** Events posted so far, by source name, in the board's order. Any thread. */
  public Map<String, Long> counts() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      m.merge(names.get(i), counts.get(i), Long::sum);
    }
    return m;
  }
}
