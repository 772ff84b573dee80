package io.nrledge.runtime;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The glibc calls behind {@link RealtimeScheduling}, bound by JNA direct mapping when this class
 * is first used (so nothing native loads unless a real-time setting is asked for). A pid of 0
 * means the calling thread: on Linux the scheduling calls act on one thread, not the process
 * ({@code mlockall} is the exception: it is process-wide). A failing call throws
 * {@link LastErrorException} carrying errno. Set-up only, never per tick.
 */
final class LinuxSchedCalls {
  static final int SCHED_OTHER = 0;
  static final int SCHED_FIFO = 1;
  static final int SCHED_RR = 2;
  /** Or-ed into the policy: threads this thread starts later do not inherit its real-time policy. */
  static final int SCHED_RESET_ON_FORK = 0x40000000;
  /** The values on x86, ARM and RISC-V Linux (the targets; PowerPC and SPARC differ). */
  static final int MCL_CURRENT = 1;
  static final int MCL_FUTURE = 2;

  static {
    Native.register(Platform.C_LIBRARY_NAME);
  }

  private LinuxSchedCalls() {}

  /** {@code param} points at a {@code struct sched_param}: one int, the priority. */
  static native int sched_setscheduler(int pid, int policy, Pointer param) throws LastErrorException;

  static native int sched_getscheduler(int pid) throws LastErrorException;

  static native int sched_getparam(int pid, Pointer param) throws LastErrorException;

  /** {@code size} is a {@code size_t}, as wide as a C long on Linux (32 and 64 bit). */
  static native int sched_setaffinity(int pid, NativeLong size, Pointer mask) throws LastErrorException;

  static native int sched_getaffinity(int pid, NativeLong size, Pointer mask) throws LastErrorException;

  static native int mlockall(int flags) throws LastErrorException;
}
