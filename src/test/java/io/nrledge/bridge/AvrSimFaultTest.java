package io.nrledge.bridge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/** The fault system tests against the real ATmega328P firmware ELF in simavr (reset = the chip's reset pin). */
class AvrSimFaultTest extends FaultInjectionContract {

  @BeforeAll
  static void build() throws Exception {
    FirmwareBuild.requireTools("the fault relay and the AVR firmware in simavr", "make", "cc", "avr-gcc", "avr-objcopy",
        "avr-size");
    if (!Files.isRegularFile(Path.of("/usr/include/simavr/sim_avr.h"))) {
      FirmwareBuild.requireTools("the simavr harness (libsimavr-dev)", "simavr-headers-missing");
    }
    FirmwareBuild.make("host", "avr");
  }

  @Override
  int failsafeMs() {
    return 500; // above simavr's stalls on a busy 2-core machine
  }

  @Override
  FirmwareProcess startFirmware(Path pty) {
    return FirmwareProcess.start(List.of(FirmwareBuild.build("simavr-bridge").toString(),
        FirmwareBuild.build("bridge-avr.elf").toString(), "--link", pty.toString(), "--max-seconds", "120"), work, pty,
        work.resolve("firmware.log"), 5_000);
  }
}
