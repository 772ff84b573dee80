package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.bridge.EventMapping;
import io.nrledge.profiles.ProfileLoader;
import io.nrledge.testing.CommandRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code validate FILE…} through the real command line: every shipped profile is valid; each
 * malformed real-board profile gets its exact one line and exit 2, and the files after it are
 * still checked; {@code run} refuses a real board in one line until the Pi4J adapters exist.
 */
class ValidateCommandTest {
  private static final Path PROJECT = Path.of(System.getProperty("nrledge.projectDir", "."));
  private static final Path ROVER = PROJECT.resolve("device-profiles/pi-rover.yaml");
  private static Path dir;
  private static int written;

  private static List<String> shippedProfiles() throws IOException {
    try (Stream<Path> files = Files.list(PROJECT.resolve("device-profiles"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().map(Path::toString).toList();
    }
  }

  @Test
  void shouldFindEveryShippedProfileValid() throws IOException {
    List<String> files = shippedProfiles();
    assertTrue(files.stream().filter(f -> f.contains("/pi-")).count() >= 3, "the real rigs: " + files);

    CommandRun run = CommandRun.execute(Stream.concat(Stream.of("validate"), files.stream()).toArray(String[]::new));

    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    assertEquals(files.size(), run.outLines().size(), run.out());
    assertTrue(run.out().contains("device-profiles/pi-rover.yaml: valid (raspberry-pi-4, hardware)"), run.out());
    assertTrue(run.out().contains("device-profiles/sim-cartpole.yaml: valid (sim, cartpole)"), run.out());
  }

  /** One broken copy of pi-rover.yaml: the text replaced and the exact line validate must print after the file name. */
  private record Broken(String from, String to, String line) {}

  private static final List<Broken> BROKEN = List.of(
      new Broken("pin: 17", "pin: 31", ":44:10: events[0].pin: GPIO 31 is not usable on raspberry-pi-4: BCM 2..27 "
          + "(0 and 1 are the HAT EEPROM bus)"),
      new Broken("pwm-pin: 19", "pwm-pin: 20", ":38:14: actuators[1].pwm-pin: GPIO 20 has no hardware PWM: hardware PWM "
          + "pins on raspberry-pi-4 are 12, 13, 18, 19"),
      new Broken("backward-pin: 24", "backward-pin: 5", ":40:19: actuators[1].backward-pin: GPIO 5 is already used by "
          + "actuators[0].forward-pin"),
      new Broken("pin: 27", "pin: 2", ":50:10: events[1].pin: GPIO 2 is already used by i2c1 (sensors[0])"),
      new Broken("    max-age: 150ms\n", "    max-age: 150ms\n  - kind: ads1115\n    address: 0x48\n    inputs: [0]\n",
          ":32:14: sensors[1].address: I2C address 0x48 on bus 1 is already used by sensors[0]"),
      new Broken("max-age: 150ms", "max-age: 50ms", ":30:14: sensors[0].max-age: 50 ms is shorter than the device's"
          + " refresh interval of 80 ms (4 sampling pass(es) of one loop period each)"),
      new Broken("address: 0x48", "address: 0x4C", ":27:14: sensors[0].address: must be 0x48..0x4B (ADDR to GND, VDD, "
          + "SDA or SCL), got 0x4C"),
      new Broken("kind: pwm-motor      # left", "kind: pwm-moter      # left", ":32:11: actuators[0].kind: must be one "
          + "of pwm-motor, servo, digital-output, got 'pwm-moter' (did you mean 'pwm-motor'?)"),
      new Broken("    edge: falling\n    pull: up\n    debounce: 20ms\n    reward: -1.0\n  - kind: gpio-edge      # right",
          "    pull: up\n    debounce: 20ms\n    reward: -1.0\n  - kind: gpio-edge      # right",
          ":43:5: events[0].edge: is required (rising, falling or both)"),
      new Broken("inputs: [0, 1, 2, 3]", "inputs: [0, 1, 2]", ":66:13: observation.channels: the sensors give 3 channels "
          + "(sensors[0]: 3), the profile 4"),
      new Broken("kind: threshold      # the lamp, seen by the left", "kind: microcontroller      # the left",
          ":55:11: events[2].kind: microcontroller events come from a bridge rig (rig.type: bridge); on a raspberry-pi-4 "
              + "without one use gpio-edge or threshold"));

  @Test
  void shouldPrintTheExactLineOfEachBrokenProfileAndGoOnToTheNextFile() throws IOException {
    List<String> args = new ArrayList<>(List.of("validate"));
    List<String> expected = new ArrayList<>();
    for (Broken b : BROKEN) {
      String file = broken(b.from(), b.to());
      args.add(file);
      expected.add(file + b.line());
    }
    args.add(ROVER.toString());

    CommandRun run = CommandRun.execute(args.toArray(String[]::new));

    assertEquals(2, run.exit());
    assertEquals(expected, run.errLines());
    assertEquals(List.of(ROVER + ": valid (raspberry-pi-4, hardware)"), run.outLines(), "the good file after them");
  }

  @Test
  void shouldRefuseWhatRunRefusesAfterLoading() throws IOException {
    String sigma = broken("sigma: 0.001", "sigma: 11");
    String cartpole = Files.writeString(folder().resolve("cartpole-" + written++ + ".yaml"),
        Files.readString(PROJECT.resolve("device-profiles/sim-cartpole.yaml")).replace("channels: 4", "channels: 3")
            .replace("[-5, -50, -1.6, -50]", "[-5, -50, -1.6]").replace("[5, 50, 1.6, 50]", "[5, 50, 1.6]")).toString();

    CommandRun validate = CommandRun.execute("validate", sigma, cartpole);
    CommandRun runCartpole = CommandRun.execute("run", "--profile", cartpole, "--ticks", "10", "--status", "never");

    assertEquals(2, validate.exit());
    assertEquals(2, validate.errLines().size(), validate.err());
    assertTrue(validate.errLines().get(0).startsWith(sigma + ":90:10: learner.sigma: must be in (0, 10.0]"),
        validate.err());
    assertEquals("nrl-edge: " + validate.errLines().get(1), runCartpole.errLines().get(0), "the rig's channel count");
    assertTrue(validate.errLines().get(1).contains("observation.channels: the cartpole rig has 4 sensor channels, the profile 3"),
        validate.err());
  }

  @Test
  void shouldListEveryOwnersVerdictOnAProfileThatLoads() throws IOException {
    String both = Files.writeString(folder().resolve("both-" + written++ + ".yaml"),
        Files.readString(PROJECT.resolve("device-profiles/sim-rover.yaml")).replace("sigma: 0.001", "sigma: 11")
            .replace("idle: park-spin", "idle: park-spin\n  rt-priority: 100")).toString();

    CommandRun validate = CommandRun.execute("validate", both);

    assertEquals(2, validate.exit());
    assertEquals(2, validate.errLines().size(), validate.err());
    assertTrue(validate.errLines().get(0).startsWith(both + ":") && validate.errLines().get(0).contains(": learner.sigma: "),
        validate.err());
    assertTrue(validate.errLines().get(1).contains(": loop.rt-priority: "), validate.err());
    assertEquals("", validate.out());
  }

  @Test
  void shouldStopInOneLineWhenTheRealBoardIsNotThere() {
    // this machine is no Raspberry Pi: opening the first device fails, named by its profile key
    CommandRun run = CommandRun.execute("run", "--profile", ROVER.toString(), "--status", "never");

    List<String> ours = run.errLines().stream().filter(l -> l.startsWith("nrl-edge: ")).toList(); // not Pi4J's warnings
    assertEquals(1, run.exit(), run.err());
    assertEquals(1, ours.size(), run.err());
    assertTrue(ours.get(0).startsWith("nrl-edge: " + ROVER + ":"), run.err());
    assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
  }

  @Test
  void shouldHandTheBridgeTheProfilesMicrocontrollerEventsPerChannel() {
    EventMapping m = LoopAssembly.eventMapping(ProfileLoader.load(PROJECT.resolve("device-profiles/bridge-uno.yaml")).bridge());

    assertTrue(m.mapped(0) && m.terminal(0));
    assertEquals(-1.0, m.reward(0));
    assertTrue(m.mapped(1) && !m.terminal(1));
    assertEquals(1.0, m.reward(1));
    assertFalse(m.mapped(2), "other channels keep the firmware's meaning");
  }

  private static String broken(String from, String to) throws IOException {
    String text = Files.readString(ROVER);
    assertTrue(text.contains(from), from);
    return Files.writeString(folder().resolve("broken-" + written++ + ".yaml"), text.replace(from, to)).toString();
  }

  private static Path folder() {
    try {
      if (dir == null) {
        dir = Files.createTempDirectory(Files.createDirectories(PROJECT.resolve("target")), "validate-");
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
