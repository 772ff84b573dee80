package io.nrledge.bridge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The C core's own unit tests (golden frames, receiver, firmware state machine), run through make. */
class FirmwareCoreTest {

  @Test
  void cCoreUnitTestsShouldPass() throws Exception {
    FirmwareBuild.requireTools("the C core's unit tests", "make", "cc");
    String out = FirmwareBuild.make("-s", "test");
    assertTrue(out.contains(" passed, 0 failed"), out);
  }

  @Test
  void rp2040FirmwareShouldBuildAndFitItsSram() throws Exception {
    FirmwareBuild.requireTools("the RP2040 firmware", "make", "arm-none-eabi-gcc", "arm-none-eabi-size");
    String out = FirmwareBuild.make("rp2040");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\n\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+\\d+").matcher(out);
    assertTrue(m.find(), out);
    long bytes = Long.parseLong(m.group(1)) + Long.parseLong(m.group(2)) + Long.parseLong(m.group(3));
    assertTrue(bytes < 256 * 1024 / 4, "text + data + bss " + bytes + " bytes of the 256 KB SRAM it runs from\n" + out);
  }

  @Test
  void hostSimulatorShouldBuildWithWarningsAsErrors() throws Exception {
    FirmwareBuild.requireTools("the host firmware simulator", "make", "cc");
    FirmwareBuild.make("host");
    assertTrue(java.nio.file.Files.isExecutable(FirmwareBuild.build("bridge-host-sim")));
  }
}
