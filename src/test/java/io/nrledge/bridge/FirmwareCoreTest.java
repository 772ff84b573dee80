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
  void hostSimulatorShouldBuildWithWarningsAsErrors() throws Exception {
    FirmwareBuild.requireTools("the host firmware simulator", "make", "cc");
    FirmwareBuild.make("host");
    assertTrue(java.nio.file.Files.isExecutable(FirmwareBuild.build("bridge-host-sim")));
  }
}
