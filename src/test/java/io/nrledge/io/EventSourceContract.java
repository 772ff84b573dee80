package io.nrledge.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link EventSource} promises; one subclass per implementation. */
public abstract class EventSourceContract {
  protected EventSource source;

  /** A fresh source, not yet connected or configured. */
  protected abstract EventSource create();

  /** Makes the source's world produce exactly one event (a press, an edge, a crossing). */
  protected abstract void trigger();

  protected abstract EventKind expectedKind();

  protected abstract double expectedValue();

  /** Releases what {@link #create} made; after each test. */
  protected void cleanUp() {}

  @BeforeEach
  void createSource() {
    source = create();
  }

  @AfterEach
  void release() {
    source.deactivate();
    cleanUp();
  }

  /** Records every post; refuses (and counts a drop) beyond {@code capacity}, as a full ring does. */
  static final class Recorder implements EventSink {
    final List<Object[]> posts = new ArrayList<>();
    final int capacity;
    int drops;

    Recorder(int capacity) {
      this.capacity = capacity;
    }

    @Override
    public synchronized boolean post(EventKind kind, double value, long timestampNs) {
      if (posts.size() >= capacity) {
        drops++;
        return false;
      }
      posts.add(new Object[] {kind, value, timestampNs});
      return true;
    }
  }

  private Recorder start(int capacity) {
    Recorder sink = new Recorder(capacity);
    source.connect(sink);
    source.configure();
    source.activate();
    return sink;
  }

  @Test
  void shouldPostEachEventOnceWithItsKindValueAndTheTimeItHappened() {
    Recorder sink = start(16);
    long beforeNs = System.nanoTime();
    trigger();
    long afterNs = System.nanoTime();

    assertEquals(1, sink.posts.size());
    Object[] post = sink.posts.get(0);
    assertEquals(expectedKind(), post[0]);
    assertEquals(expectedValue(), (double) post[1]);
    long t = (long) post[2];
    assertTrue(t - beforeNs >= 0 && afterNs - t >= 0, "stamped when it happened");
  }

  @Test
  void shouldPostNothingAfterDeactivation() {
    Recorder sink = start(16);
    source.deactivate();
    trigger();
    assertEquals(0, sink.posts.size());
  }

  @Test
  void shouldRefuseToActivateWithoutASink() {
    assertThrows(IllegalStateException.class, () -> {
      source.configure();
      source.activate();
    });
  }

  @Test
  void shouldLeaveADroppedEventToTheSinkInsteadOfBlockingWhenItIsFull() {
    Recorder sink = start(1);
    trigger();
    long beforeNs = System.nanoTime();
    trigger();
    trigger();
    long tookNs = System.nanoTime() - beforeNs;

    assertEquals(1, sink.posts.size());
    assertEquals(2, sink.drops, "each refused post was offered once and counted by the sink");
    assertTrue(tookNs < 1_000_000_000L, "posting into a full sink did not wait");
  }
}
