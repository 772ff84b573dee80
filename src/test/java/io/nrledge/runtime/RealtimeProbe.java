package io.nrledge.runtime;

import io.nrledge.telemetry.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test helper run in a forked JVM: applies {@code <priority> <cpus or -> <lock|nolock>} to its
 * main thread and prints the result as JSON, then the read-back and the process's locked memory.
 */
public final class RealtimeProbe {
  private RealtimeProbe() {}

  public static void main(String[] args) throws IOException {
    RealtimeScheduling.Request request = new RealtimeScheduling.Request(Integer.parseInt(args[0]),
        args[1].equals("-") ? null : CpuSet.parse(args[1]), args[2].equals("lock"));
    RealtimeScheduling.Result result = RealtimeScheduling.applyToCurrentThread(request);
    System.out.println(Json.object(result.summaryFields()));
    RealtimeScheduling.readCurrentThread().ifPresent(t ->
        System.out.println("read-back " + t.policyName() + " " + t.priority() + " cpus " + t.cpus()));
    Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmLck:") || l.startsWith("VmRSS:"))
        .forEach(System.out::println);
  }
}
