package io.nrledge.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the kernel actually applies, read back with sched_getscheduler / sched_getaffinity. Each
 * in-process case runs on a fresh thread (the thread under test) so the test JVM is left as it was;
 * the refused cases run in a forked JVM stripped of CAP_SYS_NICE and CAP_IPC_LOCK with zero rtprio
 * and memlock limits (util-linux setpriv and prlimit).
 */
class RealtimeSchedulingTest {

  @BeforeAll
  static void linuxOnly() {
    assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux"), "real-time scheduling is Linux only");
  }

  @Test
  void shouldPinOnlyTheCallingThreadToCpu0() throws Exception {
    CpuSet before = RealtimeScheduling.readCurrentThread().orElseThrow().cpus();

    RealtimeScheduling.Result result = onFreshThread(
        () -> RealtimeScheduling.applyToCurrentThread(new RealtimeScheduling.Request(0, CpuSet.of(0), false)));
    RealtimeScheduling.ThreadScheduling readBack = lastReadBack.get();

    assertEquals(CpuSet.of(0), result.cpusApplied(), result.warnings().toString());
    assertEquals(List.of(), result.warnings());
    assertEquals(CpuSet.of(0), readBack.cpus());
    assertEquals("0", result.summaryFields().get("cpu_set"));
    assertEquals(before, RealtimeScheduling.readCurrentThread().orElseThrow().cpus(), "the test thread keeps its CPUs");
  }

  @Test
  void shouldRefuseACpuThatDoesNotExistInOneLineAndKeepTheThreadsCpus() throws Exception {
    CpuSet before = RealtimeScheduling.readCurrentThread().orElseThrow().cpus();

    RealtimeScheduling.Result result = onFreshThread(
        () -> RealtimeScheduling.applyToCurrentThread(new RealtimeScheduling.Request(0, CpuSet.of(1023), false)));

    assertNull(result.cpusApplied());
    assertNull(result.summaryFields().get("cpu_set"));
    assertEquals(List.of("CPU affinity 1023 refused: invalid argument (no CPU of the set is online and allowed to this"
        + " process, which may use " + before + ")"), result.warnings());
    assertEquals(before, lastReadBack.get().cpus());
  }

  /** Applies here when the test runs with CAP_SYS_NICE (root, as in CI); either way result and kernel agree. */
  @Test
  void shouldReportFifoExactlyAsTheKernelHoldsIt() throws Exception {
    RealtimeScheduling.Result result = onFreshThread(
        () -> RealtimeScheduling.applyToCurrentThread(new RealtimeScheduling.Request(1, null, false)));
    RealtimeScheduling.ThreadScheduling readBack = lastReadBack.get();

    if (result.priorityApplied()) {
      assertEquals("SCHED_FIFO", readBack.policyName());
      assertEquals(1, readBack.priority());
      assertEquals(List.of(), result.warnings());
    } else {
      assertEquals("SCHED_OTHER", readBack.policyName());
      assertEquals(1, result.warnings().size(), result.warnings().toString());
      assertTrue(result.warnings().get(0).startsWith("SCHED_FIFO priority 1 refused: "), result.warnings().toString());
    }
    assertEquals(1, result.summaryFields().get("rt_priority"));
    assertEquals("SCHED_OTHER", RealtimeScheduling.readCurrentThread().orElseThrow().policyName(),
        "the test thread keeps its policy");
  }

  @Test
  void shouldLetThreadsStartedLaterRunAtNormalPriority() throws Exception {
    RealtimeScheduling.ThreadScheduling child = onFreshThread(() -> {
      RealtimeScheduling.Result r = RealtimeScheduling.applyToCurrentThread(new RealtimeScheduling.Request(1, null, false));
      assumeTrue(r.priorityApplied(), "SCHED_FIFO not permitted here: " + r.warnings());
      AtomicReference<RealtimeScheduling.ThreadScheduling> seen = new AtomicReference<>();
      Thread t = new Thread(() -> seen.set(RealtimeScheduling.readCurrentThread().orElseThrow()));
      t.start();
      joinQuietly(t);
      return seen.get();
    });

    assertEquals("SCHED_OTHER", child.policyName());
    assertEquals(0, child.priority());
  }

  @Test
  void shouldRefuseFifoAndMemoryLockingWithoutPrivilegeInOneLineEach() throws Exception {
    assumeTrue(new File("/usr/bin/setpriv").canExecute() && new File("/usr/bin/prlimit").canExecute(),
        "util-linux setpriv and prlimit");

    List<String> out = probe(List.of("/usr/bin/prlimit", "--rtprio=0", "--memlock=0", "/usr/bin/setpriv",
        "--bounding-set=-sys_nice,-ipc_lock", "--inh-caps=-all"), "-Xmx32m", "80", "0", "lock");

    assertEquals("{\"rt_priority_applied\":false,\"rt_priority\":80,\"cpu_set\":\"0\",\"memory_locked\":false,"
        + "\"rt_warnings\":\"mlockall refused: operation not permitted (needs root or CAP_IPC_LOCK); SCHED_FIFO priority 80"
        + " refused: operation not permitted (needs root, CAP_SYS_NICE or an rtprio limit of at least 80)\"}", out.get(0));
    assertEquals("read-back SCHED_OTHER 0 cpus 0", out.get(1));
    assertEquals("VmLck:\t       0 kB", out.get(2));
  }

  @Test
  void shouldNotLockMemoryOfAJvmWithoutAHeapBound() throws Exception {
    List<String> out = probe(List.of(), null, "0", "-", "lock");

    assertTrue(out.get(0).contains("\"memory_locked\":false"), out.toString());
    assertTrue(out.get(0).contains("mlockall skipped: java was started without -Xmx"), out.toString());
    assertEquals("VmLck:\t       0 kB", out.get(2));
  }

  /** Locks when permitted (root or CAP_IPC_LOCK, as in CI); either way the result matches the kernel's count. */
  @Test
  void shouldLockMemoryWithABoundedHeapExactlyWhenTheKernelSaysSo() throws Exception {
    List<String> out = probe(List.of(), "-Xmx32m", "0", "-", "lock");

    boolean locked = out.get(0).contains("\"memory_locked\":true");
    assertEquals(locked, !out.get(2).equals("VmLck:\t       0 kB"), out.toString());
    assertEquals(locked, out.get(0).contains("\"rt_warnings\":null"), out.toString());
  }

  @Test
  void shouldSayWhyNothingWasAppliedWhereUnavailable() {
    RealtimeScheduling.Request request = new RealtimeScheduling.Request(80, CpuSet.of(1), true);

    RealtimeScheduling.Result r = RealtimeScheduling.unavailable(request, "not Linux (Mac OS X)");

    assertFalse(r.priorityApplied());
    assertNull(r.cpusApplied());
    assertFalse(r.memoryLocked());
    assertEquals(List.of("real-time settings not applied: not Linux (Mac OS X)"), r.warnings());
  }

  @Test
  void shouldApplyNothingAndSayNothingForAnEmptyRequest() {
    RealtimeScheduling.Result r = RealtimeScheduling.applyToCurrentThread(RealtimeScheduling.Request.NONE);

    assertEquals(List.of(), r.warnings());
    assertNull(r.summaryFields().get("rt_priority"));
    assertNull(r.summaryFields().get("rt_warnings"));
  }

  @Test
  void shouldRejectPrioritiesOutsideTheFifoRange() {
    assertThrows(IllegalArgumentException.class, () -> new RealtimeScheduling.Request(100, null, false));
    assertThrows(IllegalArgumentException.class, () -> new RealtimeScheduling.Request(-1, null, false));
    assertThrows(IllegalArgumentException.class, () -> new RealtimeScheduling.Request(0, CpuSet.of(), false));
  }

  private final AtomicReference<RealtimeScheduling.ThreadScheduling> lastReadBack = new AtomicReference<>();

  /** Runs {@code work} on a new thread, keeps that thread's read-back in {@link #lastReadBack}, returns the value. */
  private <T> T onFreshThread(Supplier<T> work) throws Exception {
    AtomicReference<T> value = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        value.set(work.get());
        lastReadBack.set(RealtimeScheduling.readCurrentThread().orElseThrow());
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "thread-under-test");
    t.start();
    t.join();
    if (failure.get() instanceof Exception e) {
      throw e;
    }
    if (failure.get() instanceof Error e) {
      throw e;
    }
    return value.get();
  }

  private static void joinQuietly(Thread t) {
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs {@link RealtimeProbe} in a new JVM behind {@code wrapper}; returns its output lines. */
  private static List<String> probe(List<String> wrapper, String heap, String... args) throws Exception {
    List<String> command = new ArrayList<>(wrapper);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    if (heap != null) {
      command.add(heap);
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), RealtimeProbe.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "probe finished");
    assertEquals(0, p.exitValue(), out);
    List<String> lines = out.lines().filter(l -> !l.startsWith("VmRSS:")).toList();
    assertEquals(3, lines.size(), out);
    return lines;
  }
}
