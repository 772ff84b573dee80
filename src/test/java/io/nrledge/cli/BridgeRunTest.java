package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.nrledge.testing.CommandRun;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} on the bridge profiles: the profile builds and launches the firmware simulator (host
 * build, or the AVR ELF in simavr), the loop runs over the real serial path, the summary carries
 * the bridge's counters, and the simulator is gone afterwards.
 */
@Timeout(180)
class BridgeRunTest {
  private static final Path PROJECT = Path.of(System.getProperty("nrledge.projectDir", "."));

  @TempDir
  Path work;

  @Test
  void hostSimProfileShouldRunTheLoopOverTheSerialPathWithoutErrors() throws Exception {
    requireTools("make", "cc");
    checkRun("bridge-host-sim", "/tmp/nrl-bridge-host-sim", 0);
  }

  @Test
  void avrSimProfileShouldRunTheLoopOverTheSerialPathWithoutErrors() throws Exception {
    requireTools("make", "cc", "avr-gcc", "avr-objcopy", "avr-size");
    // Seen once in about ten runs on a loaded machine: one whole frame missing between simavr and
    // the host, with no damaged byte (cause not found yet; suspect simavr's pty thread, which
    // drops what a short write to the pty did not take). Every other counter must be exact.
    checkRun("bridge-avr-sim", "/tmp/nrl-bridge-avr-sim", 1);
  }

  @Test
  void missingDeviceShouldFailInOneLineWithExitOne() throws Exception {
    Path profile = work.resolve("absent.yaml");
    String yaml = Files.readString(PROJECT.resolve("device-profiles/bridge-uno.yaml"), StandardCharsets.UTF_8)
        .replace("name: bridge-uno", "name: absent")
        .replace("/dev/ttyACM0", work.resolve("no-such-tty").toString())
        .replace("connect-timeout: 5s", "connect-timeout: 300ms");
    Files.writeString(profile, yaml, StandardCharsets.UTF_8);
    Path hostedByAPi = work.resolve("absent-on-a-pi.yaml");
    Files.writeString(hostedByAPi, yaml.replace("name: absent", "name: absent\nboard: raspberry-pi-4"), StandardCharsets.UTF_8);

    for (Path p : List.of(profile, hostedByAPi)) { // a Pi hosting the bridge runs it the same way
      CommandRun r = CommandRun.execute("run", "--profile", p.toString(), "--ticks", "10", "--status", "never");
      assertEquals(1, r.exit(), r.err());
      assertTrue(r.err().startsWith("nrl-edge: bridge: no HELLO from " + work.resolve("no-such-tty"))
          && r.err().contains("does not exist") && r.err().strip().lines().count() == 1, r.err());
    }
  }

  @Test
  void fastModeShouldBeRefusedForABridgeProfile() {
    CommandRun r = CommandRun.execute("run", "--profile", PROJECT.resolve("device-profiles/bridge-uno.yaml").toString(),
        "--fast", "--ticks", "10", "--status", "never");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--fast: the bridge rig of"), r.err());
  }

  private void checkRun(String profile, String link, int gapsAllowed) throws Exception {
    Path json = work.resolve("summary.json");
    CommandRun r = CommandRun.execute("run", "--profile", PROJECT.resolve("device-profiles/" + profile + ".yaml").toString(),
        "--ticks", "600", "--summary-json", json.toString(), "--status", "never");
    assertEquals(0, r.exit(), r.err());
    String s = Files.readString(json, StandardCharsets.UTF_8);
    assertEquals(600, number(s, "ticks"), s);
    assertEquals(0, number(s, "crc_errors"), s);
    assertEquals(0, number(s, "resyncs"), s);
    assertTrue(number(s, "sequence_gaps") <= gapsAllowed, s);
    assertTrue(number(s, "frames_received") > 300, s);
    assertTrue(number(s, "frames_sent") > 300, s);
    assertTrue(s.contains("\"failsafe_events\""), s);
    assertTrue(!Files.exists(Path.of(link)), "the simulator's link is removed after the run");
  }

  private static long number(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":\\s*(-?\\d+)").matcher(json);
    if (!m.find()) {
      fail("no " + key + " in " + json);
    }
    return Long.parseLong(m.group(1));
  }

  private static void requireTools(String... tools) {
    for (String t : tools) {
      boolean found = false;
      for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        found |= !dir.isEmpty() && Files.isExecutable(Path.of(dir, t));
      }
      if (!found) {
        String message = "the bridge profiles need " + t + " (.ci/run installs it)";
        if (System.getenv("CI") != null) {
          fail(message);
        }
        System.err.println("skipped: " + message);
        Assumptions.abort(message);
      }
    }
  }
}
