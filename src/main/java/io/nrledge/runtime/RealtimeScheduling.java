package io.nrledge.runtime;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Real-time scheduling for the control thread alone: a SCHED_FIFO priority and a CPU affinity
 * applied to the calling thread (not the JIT, GC, supervisor or any other thread), and optionally
 * {@code mlockall} for the process, through JNA on Linux. A refusal by the OS is never an
 * exception: it becomes one plain warning line in the {@link Result} and the caller carries on.
 * On other systems, or when JNA cannot load, nothing is applied and the result says why.
 *
 * <p>Not real-time safe: the control thread calls {@link #applyToCurrentThread} once at its start,
 * before its loop. Threads it starts afterwards do not inherit the priority (SCHED_RESET_ON_FORK)
 * but do inherit the affinity.
 */
public final class RealtimeScheduling {
  public static final int MIN_PRIORITY = 1;
  public static final int MAX_PRIORITY = 99;

  private static final int EPERM = 1;
  private static final int ESRCH = 3;
  private static final int EAGAIN = 11;
  private static final int ENOMEM = 12;
  private static final int EINVAL = 22;
  private static final String[] HEAP_LIMIT_FLAGS = {
    "-Xmx", "-XX:MaxHeapSize=", "-XX:MaxRAM=", "-XX:MaxRAMPercentage=", "-XX:MaxRAMFraction="
  };

  private RealtimeScheduling() {}

  /** Throws {@link IllegalArgumentException} ("rt-priority: …") unless {@code priority} is 0 (none) or 1..99. */
  public static void checkPriority(int priority) {
    if (priority != 0 && (priority < MIN_PRIORITY || priority > MAX_PRIORITY)) {
      throw new IllegalArgumentException("rt-priority: must be " + MIN_PRIORITY + ".." + MAX_PRIORITY
          + " (SCHED_FIFO), or 0 for none, got " + priority);
    }
  }

  /**
   * What to apply. {@code priority} 0 means none, else SCHED_FIFO 1..99; {@code cpus} null means
   * no affinity; {@code lockMemory} asks for {@code mlockall(MCL_CURRENT | MCL_FUTURE)}, done only
   * when the JVM has a bounded heap (-Xmx), since it locks every page the JVM maps.
   */
  public record Request(int priority, CpuSet cpus, boolean lockMemory) {
    /** Nothing to apply. */
    public static final Request NONE = new Request(0, null, false);

    public Request {
      checkPriority(priority);
      if (cpus != null && cpus.isEmpty()) {
        throw new IllegalArgumentException("CPU set must name at least one CPU");
      }
    }

    public boolean isEmpty() {
      return priority == 0 && cpus == null && !lockMemory;
    }
  }

  /**
   * What was applied: the SCHED_FIFO priority (verified by reading it back), the CPU set the
   * thread now runs on (read back; the kernel keeps only CPUs that are online and allowed) or
   * null, whether memory is locked, and one line per refusal or change.
   */
  public record Result(Request requested, boolean priorityApplied, CpuSet cpusApplied, boolean memoryLocked,
      List<String> warnings) {
    public Result {
      warnings = List.copyOf(warnings);
    }

    /** The requested priority, or null when none was asked for; {@link #priorityApplied} says if it holds. */
    public Integer rtPriority() {
      return requested.priority() == 0 ? null : requested.priority();
    }

    /**
     * For a run summary or bench report: {@code rt_priority_applied}, {@code rt_priority} (as
     * requested, or null), {@code cpu_set} (as applied, or null), {@code memory_locked},
     * {@code rt_warnings} (the lines joined by "; ", or null).
     */
    public Map<String, Object> summaryFields() {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("rt_priority_applied", priorityApplied);
      f.put("rt_priority", rtPriority());
      f.put("cpu_set", cpusApplied == null ? null : cpusApplied.toString());
      f.put("memory_locked", memoryLocked);
      f.put("rt_warnings", warnings.isEmpty() ? null : String.join("; ", warnings));
      return f;
    }
  }

  /** A thread's scheduling as the kernel reports it. */
  public record ThreadScheduling(int policy, int priority, CpuSet cpus) {
    public boolean fifo() {
      return policy == LinuxSchedCalls.SCHED_FIFO;
    }

    public String policyName() {
      return switch (policy) {
        case LinuxSchedCalls.SCHED_OTHER -> "SCHED_OTHER";
        case LinuxSchedCalls.SCHED_FIFO -> "SCHED_FIFO";
        case LinuxSchedCalls.SCHED_RR -> "SCHED_RR";
        default -> "policy " + policy;
      };
    }
  }

  /**
   * Applies {@code request} to the calling thread (memory locking to the process): memory, then
   * affinity, then priority. Never throws for a refusal. Not real-time safe: once, at the start
   * of the control thread.
   */
  public static Result applyToCurrentThread(Request request) {
    if (request.isEmpty()) {
      return new Result(request, false, null, false, List.of());
    }
    String unavailable = NativeAccess.UNAVAILABLE;
    if (unavailable != null) {
      return unavailable(request, unavailable);
    }
    List<String> warnings = new ArrayList<>();
    boolean locked = request.lockMemory() && lockMemory(warnings);
    CpuSet cpus = request.cpus() == null ? null : setAffinity(request.cpus(), warnings);
    boolean fifo = request.priority() != 0 && setFifo(request.priority(), warnings);
    return new Result(request, fifo, cpus, locked, warnings);
  }

  /** The calling thread's policy, priority and CPUs; empty when unavailable (not Linux, no JNA). */
  public static Optional<ThreadScheduling> readCurrentThread() {
    if (NativeAccess.UNAVAILABLE != null) {
      return Optional.empty();
    }
    try (Memory param = new Memory(4)) {
      int policy = LinuxSchedCalls.sched_getscheduler(0) & ~LinuxSchedCalls.SCHED_RESET_ON_FORK;
      LinuxSchedCalls.sched_getparam(0, param);
      return Optional.of(new ThreadScheduling(policy, param.getInt(0), affinity()));
    } catch (LastErrorException e) {
      return Optional.empty();
    }
  }

  /** Nothing applied, for the reason {@code why}. */
  static Result unavailable(Request request, String why) {
    return new Result(request, false, null, false, List.of("real-time settings not applied: " + why));
  }

  private static boolean lockMemory(List<String> warnings) {
    if (!heapBounded()) {
      warnings.add(String.format(Locale.ROOT, "mlockall skipped: java was started without -Xmx, so locking could pin"
          + " its whole default heap (%d MB); start java with a bounded heap, e.g. -Xmx256m",
          Runtime.getRuntime().maxMemory() >> 20));
      return false;
    }
    try {
      LinuxSchedCalls.mlockall(LinuxSchedCalls.MCL_CURRENT | LinuxSchedCalls.MCL_FUTURE);
      return true;
    } catch (LastErrorException e) {
      warnings.add("mlockall refused: " + reason(e.getErrorCode()) + switch (e.getErrorCode()) {
        case ENOMEM -> " (needs root, CAP_IPC_LOCK, or a memlock limit above the JVM's size: ulimit -l, systemd LimitMEMLOCK)";
        case EPERM -> " (needs root or CAP_IPC_LOCK)";
        default -> "";
      });
      return false;
    }
  }

  /** True when the command line bounds the heap; locking an unbounded JVM can pin gigabytes. */
  static boolean heapBounded() {
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      for (String flag : HEAP_LIMIT_FLAGS) {
        if (arg.startsWith(flag)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The CPUs the thread runs on afterwards, or null if the kernel refused. */
  private static CpuSet setAffinity(CpuSet cpus, List<String> warnings) {
    try (Memory mask = new Memory(CpuSet.MASK_BYTES)) {
      mask.write(0, cpus.toMask(), 0, CpuSet.MASK_BYTES);
      LinuxSchedCalls.sched_setaffinity(0, new NativeLong(CpuSet.MASK_BYTES), mask);
    } catch (LastErrorException e) {
      warnings.add("CPU affinity " + cpus + " refused: " + reason(e.getErrorCode())
          + (e.getErrorCode() == EINVAL ? " (no CPU of the set is online and allowed to this process, which may use "
              + currentAffinity().map(CpuSet::toString).orElse("unknown CPUs") + ")" : ""));
      return null;
    }
    CpuSet applied = currentAffinity().orElse(cpus);
    if (!applied.equals(cpus)) {
      warnings.add("CPU affinity " + cpus + " narrowed to " + applied + " (the CPUs online and allowed to this process)");
    }
    return applied;
  }

  /** The calling thread's CPU set, empty if the kernel will not say. */
  private static Optional<CpuSet> currentAffinity() {
    try {
      return Optional.of(affinity());
    } catch (LastErrorException e) {
      return Optional.empty();
    }
  }

  private static CpuSet affinity() {
    try (Memory mask = new Memory(CpuSet.MASK_BYTES)) {
      mask.clear();
      LinuxSchedCalls.sched_getaffinity(0, new NativeLong(CpuSet.MASK_BYTES), mask);
      return CpuSet.fromMask(mask.getByteArray(0, CpuSet.MASK_BYTES));
    }
  }

  private static boolean setFifo(int priority, List<String> warnings) {
    try (Memory param = new Memory(4)) {
      param.setInt(0, priority);
      LinuxSchedCalls.sched_setscheduler(0, LinuxSchedCalls.SCHED_FIFO | LinuxSchedCalls.SCHED_RESET_ON_FORK, param);
    } catch (LastErrorException e) {
      warnings.add("SCHED_FIFO priority " + priority + " refused: " + reason(e.getErrorCode()) + switch (e.getErrorCode()) {
        case EPERM -> " (needs root, CAP_SYS_NICE or an rtprio limit of at least " + priority + ")";
        case EINVAL -> " (the kernel takes 1..99)";
        default -> "";
      });
      return false;
    }
    ThreadScheduling now = readCurrentThread().orElse(null);
    if (now == null || !now.fifo() || now.priority() != priority) {
      warnings.add("SCHED_FIFO priority " + priority + " accepted but reads back as "
          + (now == null ? "unknown" : now.policyName() + " " + now.priority()));
      return false;
    }
    return true;
  }

  /** errno in words. */
  static String reason(int errno) {
    return switch (errno) {
      case EPERM -> "operation not permitted";
      case ESRCH -> "no such thread";
      case EAGAIN -> "resource temporarily unavailable";
      case ENOMEM -> "out of memory or over the locked-memory limit";
      case EINVAL -> "invalid argument";
      default -> "errno " + errno;
    };
  }

  /** Why native scheduling is unavailable here, or null: checked once, loading JNA only on Linux. */
  private static final class NativeAccess {
    static final String UNAVAILABLE = probe();

    private static String probe() {
      String os = System.getProperty("os.name", "?");
      if (!os.toLowerCase(Locale.ROOT).startsWith("linux")) {
        return "not Linux (" + os + ")";
      }
      try {
        LinuxSchedCalls.sched_getscheduler(0);
        return null;
      } catch (LinkageError | LastErrorException e) {
        return "JNA could not reach the C library (" + e + ")";
      }
    }
  }
}
