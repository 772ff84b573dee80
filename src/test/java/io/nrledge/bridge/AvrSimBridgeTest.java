package io.nrledge.bridge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bridge contract against the real ATmega328P firmware ELF (the binary that would be flashed)
 * running in simavr with its UART on a pseudo-terminal; also checks that it fits the chip.
 */
class AvrSimBridgeTest extends FirmwareBridgeContract {
  private static final int FLASH_BYTES = 32 * 1024;
  private static final int RAM_BYTES = 2 * 1024;
  private static String sizeReport;

  @BeforeAll
  static void buildFirmware() throws Exception {
    FirmwareBuild.requireTools("the AVR firmware in simavr", "make", "cc", "avr-gcc", "avr-size", "avr-objcopy");
    if (!Files.isRegularFile(Path.of("/usr/include/simavr/sim_avr.h"))) {
      FirmwareBuild.requireTools("the simavr harness (libsimavr-dev: /usr/include/simavr/sim_avr.h)",
          "simavr-headers-missing");
    }
    sizeReport = FirmwareBuild.make("avr");
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

  @Test
  void firmwareShouldFitTheAtmega328pWithRoomToSpare() {
    int flash = bytes("Program:");
    int ram = bytes("Data:");
    // room to spare: half the flash (the Arduino bootloader takes 0.5 KB), and a quarter of the
    // RAM left for the stack (the deepest call chain uses well under 200 bytes)
    assertTrue(flash <= FLASH_BYTES / 2, "flash " + flash + " of " + FLASH_BYTES + "\n" + sizeReport);
    assertTrue(ram <= RAM_BYTES * 3 / 4, "static RAM " + ram + " of " + RAM_BYTES + "\n" + sizeReport);
  }

  private static int bytes(String label) {
    Matcher m = Pattern.compile(Pattern.quote(label) + "\\s+(\\d+) bytes").matcher(sizeReport);
    assertTrue(m.find(), "no '" + label + "' in the avr-size report:\n" + sizeReport);
    return Integer.parseInt(m.group(1));
  }
}
