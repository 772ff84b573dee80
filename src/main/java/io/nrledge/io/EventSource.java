package io.nrledge.io;

/**
 * A producer of asynchronous events (a GPIO edge, a microcontroller event frame, a simulated
 * switch). It posts from its own thread, or from the thread that steps a simulated plant, and
 * must never block the poster or allocate per event.
 */
public interface EventSource extends Device {

  /** Connects the source to its sink; called once before {@link #activate()}. Not real-time safe. */
  void connect(EventSink sink);
}
