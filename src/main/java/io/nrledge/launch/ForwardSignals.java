package io.nrledge.launch;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Forwards SIGINT and SIGTERM from the launcher to the JVM it started, so the child stops in order
 * (and a second signal still reaches it), while the launcher keeps waiting for its exit code. Goes
 * through {@code sun.misc.Signal} by reflection (present on every HotSpot JDK, 8 and later); where
 * it is missing, a shutdown hook ends the child instead. Compiled for Java 8.
 */
final class ForwardSignals {
  private ForwardSignals() {}

  static void install(final Process child) {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      final Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
      final Method getName = signalClass.getMethod("getName");
      InvocationHandler forward = new InvocationHandler() {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Exception {
          if ("handle".equals(method.getName())) {
            signal(child, (String) getName.invoke(args[0]));
            return null;
          }
          if ("hashCode".equals(method.getName())) {
            return System.identityHashCode(proxy);
          }
          if ("equals".equals(method.getName())) {
            return proxy == args[0];
          }
          return "nrl-edge launcher signal forwarding";
        }
      };
      Object handler = Proxy.newProxyInstance(ForwardSignals.class.getClassLoader(), new Class<?>[] {handlerClass},
          forward);
      for (String name : new String[] {"INT", "TERM"}) {
        handle.invoke(null, signalClass.getConstructor(String.class).newInstance(name), handler);
      }
    } catch (Exception e) {
      Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
        @Override
        public void run() {
          child.destroy();
          try {
            child.waitFor();
          } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
          }
        }
      }));
    }
  }

  /** Sends SIG{@code name} to the child with {@code kill}; falls back to {@link Process#destroy()} (SIGTERM). */
  static void signal(Process child, String name) {
    long pid = pid(child);
    if (pid > 0) {
      try {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() == 0) {
          return;
        }
      } catch (Exception e) {
        // fall through to destroy()
      }
    }
    child.destroy();
  }

  /** The child's pid: {@code Process.pid()} on Java 9+, the private field on Java 8; −1 if unknown. */
  static long pid(Process child) {
    try {
      return (Long) Process.class.getMethod("pid").invoke(child);
    } catch (Exception e) {
      try {
        Field f = child.getClass().getDeclaredField("pid");
        f.setAccessible(true);
        return f.getInt(child);
      } catch (Exception e2) {
        return -1;
      }
    }
  }
}
