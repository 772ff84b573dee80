package io.nrledge.bridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A firmware simulator started as a child process (the host build, or simavr running the AVR
 * ELF) that serves the bridge on a pseudo-terminal behind a symlink. {@link #start} waits until
 * the link exists; {@link #close} kills the process (simavr's pty thread can hang on SIGTERM)
 * and removes the link it may leave dangling. Not real-time safe.
 */
public final class FirmwareProcess implements AutoCloseable {
  private static final long KILL_WAIT_MS = 2_000;

  private final Process process;
  private final Path link;
  private final Path log;

  private FirmwareProcess(Process process, Path link, Path log) {
    this.process = process;
    this.link = link;
    this.log = log;
  }

  /**
   * Runs {@code command} (which must create {@code link}) in {@code workDir}, its output to
   * {@code log}, and waits at most {@code timeoutMs} for the link to appear.
   *
   * @throws IllegalStateException with one clear line when it cannot start or exits early
   */
  public static FirmwareProcess start(List<String> command, Path workDir, Path link, Path log, long timeoutMs) {
    try {
      Files.deleteIfExists(link);
    } catch (IOException e) {
      throw new IllegalStateException("bridge: cannot remove the old link " + link + ": " + e.getMessage(), e);
    }
    Process p;
    try {
      p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new IllegalStateException("bridge: cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
    FirmwareProcess fp = new FirmwareProcess(p, link, log);
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    while (!Files.exists(link)) {
      if (!p.isAlive() || System.nanoTime() - deadline > 0) {
        String tail = fp.logTail();
        fp.close();
        throw new IllegalStateException("bridge: " + String.join(" ", command) + (p.isAlive() ? " made no " + link
            + " within " + timeoutMs + " ms" : " exited with " + p.exitValue()) + (tail.isEmpty() ? "" : ": " + tail));
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fp.close();
        throw new IllegalStateException("bridge: interrupted while starting the firmware");
      }
    }
    return fp;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /** The last line of the process's output, or "". */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    } catch (IOException e) {
      return "";
    }
  }

  /** Kills the process and waits for it; removes the link. Idempotent. */
  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(KILL_WAIT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      Files.deleteIfExists(link);
    } catch (IOException e) {
      // a link left behind is replaced at the next start
    }
  }
}
