package io.nrledge.bridge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The fault-injecting relay ({@code firmware-bridge/relay/fault_relay.c}) as a child process the test commands. */
final class FaultRelay implements AutoCloseable {
  private final Process process;
  private final OutputStream commands;
  private final LinkedBlockingQueue<String> replies = new LinkedBlockingQueue<>();
  private final Path link;

  FaultRelay(Path upstream, Path link, long seed) throws IOException, InterruptedException {
    this.link = link;
    Files.deleteIfExists(link);
    process = new ProcessBuilder(List.of(FirmwareBuild.build("bridge-fault-relay").toString(), "--upstream",
        upstream.toString(), "--link", link.toString(), "--seed", Long.toString(seed)))
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    commands = process.getOutputStream();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          replies.add(line);
        }
      } catch (IOException e) {
        replies.add("closed " + e.getMessage());
      }
    }, "fault-relay-out");
    reader.setDaemon(true);
    reader.start();
    String first = replies.poll(5, TimeUnit.SECONDS);
    if (first == null || !first.startsWith("pty ")) {
      close();
      throw new IllegalStateException("fault relay did not start: " + first);
    }
  }

  /** Sends one command and waits (at most {@code timeoutMs}) for its "done" answer. */
  void command(String line, long timeoutMs) throws IOException, InterruptedException {
    commands.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
    commands.flush();
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    while (true) {
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      String reply = left > 0 ? replies.poll(left, TimeUnit.MILLISECONDS) : null;
      if (reply == null) {
        throw new AssertionError("relay: no answer to '" + line + "' within " + timeoutMs + " ms");
      }
      if (reply.startsWith("done")) {
        return;
      }
      if (reply.startsWith("error")) {
        throw new AssertionError("relay refused '" + line + "'");
      }
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(2, TimeUnit.SECONDS);
      Files.deleteIfExists(link);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // replaced at the next start
    }
  }
}
