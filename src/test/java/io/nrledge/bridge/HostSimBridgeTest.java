package io.nrledge.bridge;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/** The bridge contract against the host-built firmware simulator. */
class HostSimBridgeTest extends FirmwareBridgeContract {

  @BeforeAll
  static void buildSimulator() throws Exception {
    FirmwareBuild.requireTools("the host firmware simulator", "make", "cc");
    FirmwareBuild.make("host");
  }

  @Override
  int failsafeMs() {
    return 300; // above the scheduling stalls of a busy 2-core machine
  }

  @Override
  FirmwareProcess startFirmware(Path pty) {
    return FirmwareProcess.start(List.of(FirmwareBuild.build("bridge-host-sim").toString(), "--link", pty.toString(),
        "--seed", "3", "--max-seconds", "120"), work, pty, work.resolve("firmware.log"), 5_000);
  }
}
