package io.nrledge.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * SIGINT and SIGTERM handled by the process instead of by JVM shutdown, while a run is in
 * progress: the first signal asks for an orderly stop (the JVM keeps running, so the stop path can
 * write the safe values, the summary and its files); a second one, while that stop is under way,
 * calls the emergency action and halts at once with 128 + the signal number. A repeat of the
 * first signal within {@link #REPEAT_WINDOW_NS} is the same request delivered twice, not a second
 * one: Ctrl-C in a terminal, or systemd stopping a unit, signals the whole process group, so a
 * JVM started by the launcher gets the signal itself and again when the launcher forwards it.
 *
 * <p>It goes through {@code sun.misc.Signal} (module jdk.unsupported, on every HotSpot JDK) by
 * reflection, because javac's warning for that API cannot be suppressed and the build treats
 * warnings as errors. Where it is missing, a shutdown hook asks for the stop and waits for it.
 * Not real-time safe; handlers run on the JVM's signal threads.
 */
final class StopSignals implements AutoCloseable {
  /** What a signal asks for; {@code signal} is "INT" or "TERM". */
  interface Actions {
    /** First signal: ask the run to stop in order; must return promptly. */
    void stop(String signal);

    /** Second signal: drive the actuators safe as fast as possible; the process halts after it returns. */
    void emergency(String signal);

    /** Shutdown-hook fallback only: wait until the orderly stop has finished. */
    void awaitStopped();
  }

  private static final String[] NAMES = {"INT", "TERM"};
  /** A person pressing Ctrl-C twice takes longer than this; a forwarded copy arrives well within it. */
  static final long REPEAT_WINDOW_NS = 300_000_000L;

  private final Actions actions;
  private final List<Object[]> previous = new ArrayList<>();
  /** Signals this process ignores (inherited as ignored): the JVM installs no handler for them. */
  private final List<String> ignored = new ArrayList<>();
  private volatile boolean stopping;
  /** The first signal and when it came; guarded by {@code this} (the handlers are synchronized). */
  private String firstSignal;
  private long firstSignalNs;
  private Thread hook;

  private StopSignals(Actions actions) {
    this.actions = actions;
  }

  /** Installs the handlers; {@link #close()} puts the previous ones back. */
  static StopSignals install(Actions actions) {
    StopSignals signals = new StopSignals(actions);
    if (!signals.installHandlers()) {
      signals.installHook();
    }
    return signals;
  }

  /**
   * "INT" and/or "TERM" when the process was started with them ignored (a background job of a
   * non-interactive shell ignores SIGINT): the JVM then installs no handler, and they cannot stop
   * the run.
   */
  List<String> ignoredSignals() {
    return List.copyOf(ignored);
  }

  /** True once a signal asked for a stop. */
  boolean received() {
    return stopping;
  }

  private synchronized void onSignal(String name) {
    if (!stopping) {
      firstSignal = name;
      firstSignalNs = System.nanoTime();
      stopping = true;
      actions.stop(name);
      return;
    }
    if (name.equals(firstSignal) && System.nanoTime() - firstSignalNs < REPEAT_WINDOW_NS) {
      return; // the same signal delivered to the process group and forwarded by the launcher
    }
    try {
      actions.emergency(name);
    } finally {
      Runtime.getRuntime().halt(128 + ("INT".equals(name) ? 2 : 15));
    }
  }

  private boolean installHandlers() {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
      Method getName = signalClass.getMethod("getName");
      InvocationHandler dispatch = (proxy, method, args) -> switch (method.getName()) {
        case "handle" -> {
          onSignal((String) getName.invoke(args[0]));
          yield null;
        }
        case "hashCode" -> System.identityHashCode(proxy);
        case "equals" -> proxy == args[0];
        case "toString" -> "nrl-edge stop signals";
        default -> throw new UnsupportedOperationException(method.getName());
      };
      Object handler = Proxy.newProxyInstance(StopSignals.class.getClassLoader(), new Class<?>[] {handlerClass}, dispatch);
      Object ignoredHandler = handlerClass.getField("SIG_IGN").get(null);
      for (String name : NAMES) {
        Object signal = signalClass.getConstructor(String.class).newInstance(name);
        Object before = handle.invoke(null, signal, handler);
        if (before == ignoredHandler) {
          ignored.add(name); // left ignored by the JVM, ours not installed
        }
        previous.add(new Object[] {handle, signal, before});
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      restore();
      return false;
    }
  }

  private void installHook() {
    hook = new Thread(() -> {
      stopping = true;
      actions.stop("TERM");
      actions.awaitStopped();
    }, "nrl-stop-hook");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  private void restore() {
    for (Object[] p : previous) {
      try {
        ((Method) p[0]).invoke(null, p[1], p[2]);
      } catch (ReflectiveOperationException | RuntimeException e) {
        // the previous handler stays replaced; nothing else to do
      }
    }
    previous.clear();
  }

  /**
   * Puts the previous handlers back (or removes the fallback hook). After a signal the handlers
   * stay: the process is ending, and a forwarded copy arriving late must not reach the JVM's
   * default handler (which exits with 130 or 143 before the summary is written).
   */
  @Override
  public void close() {
    if (!stopping) {
      restore();
    }
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down: the hook is running and waits for the stop
      }
    }
  }
}
