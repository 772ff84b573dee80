package io.nrledge.bridge;

/**
 * The constants of {@code firmware-bridge/PROTOCOL.md} (version 1), in one place: sizes, message
 * types, error codes and the payload size each type requires. Mirrors {@code core/bridge_codec.h}.
 */
public final class BridgeProtocol {
  public static final int VERSION = 1;
  public static final int HEADER = 4;
  public static final int CRC = 2;
  public static final int MAX_PAYLOAD = 64;
  public static final int MAX_FRAME = HEADER + MAX_PAYLOAD + CRC;
  public static final int MAX_ENCODED = MAX_FRAME + 1;
  public static final int MAX_WIRE = MAX_ENCODED + 1;
  public static final int MAX_CHANNELS = 8;
  public static final int MAX_NOISE_WORDS = 6;

  public static final int HELLO = 0x01;
  public static final int SENSOR_SAMPLE = 0x02;
  public static final int ACTUATOR_COMMAND = 0x03;
  public static final int EVENT = 0x04;
  public static final int HEARTBEAT = 0x05;
  public static final int CONFIG = 0x06;
  public static final int ERROR = 0x07;
  public static final int RESET_EPISODE = 0x08;
  public static final int NOISE_SEED = 0x09;
  public static final int NOISE_NEXT = 0x0A;
  public static final int NOISE_WORDS = 0x0B;

  /** Receiver results: {@link #OK}, {@link #NONE} (no complete frame yet) or an error code 1..9. */
  public static final int NONE = -1;
  public static final int OK = 0;
  public static final int ERR_COBS = 1;
  public static final int ERR_SHORT = 2;
  public static final int ERR_CRC = 3;
  public static final int ERR_VERSION = 4;
  public static final int ERR_LENGTH = 5;
  public static final int ERR_TYPE = 6;
  public static final int ERR_PAYLOAD = 7;
  public static final int ERR_OVERSIZE = 8;
  public static final int ERR_SEQUENCE_GAP = 9;
  public static final int ERROR_CODES = 10;

  private static final String[] ERROR_NAMES = {"OK", "COBS", "SHORT", "CRC", "VERSION", "LENGTH", "TYPE", "PAYLOAD",
      "OVERSIZE", "SEQUENCE_GAP"};

  /** ACTUATOR_COMMAND flag: drive every actuator to its safe value. */
  public static final int FLAG_SAFE = 1;
  /** SENSOR_SAMPLE / HEARTBEAT flag: the MCU's failsafe is engaged. */
  public static final int FLAG_FAILSAFE = 1;

  public static final int EVENT_REWARD = 1;
  public static final int EVENT_TERMINAL = 2;
  public static final int EVENT_TRUNCATED = 3;

  public static final int PLANT_PINS = 0;
  public static final int PLANT_TRACK = 1;

  private BridgeProtocol() {}

  /** The protocol's name of an error code ("CRC"), or "OK". */
  public static String errorName(int code) {
    return code >= 0 && code < ERROR_NAMES.length ? ERROR_NAMES[code] : "UNKNOWN";
  }

  /** The code of an error name, or -1. */
  public static int errorCode(String name) {
    for (int i = 0; i < ERROR_NAMES.length; i++) {
      if (ERROR_NAMES[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** {@link #OK}, {@link #ERR_TYPE} for an unknown type, or {@link #ERR_PAYLOAD} for a wrong size. Real-time safe. */
  public static int checkPayload(int type, int length) {
    boolean ok = switch (type) {
      case HELLO -> length == 0 || length == 11;
      case SENSOR_SAMPLE -> length >= 10 && length <= 6 + 4 * MAX_CHANNELS && (length - 6) % 4 == 0;
      case ACTUATOR_COMMAND -> length >= 5 && length <= 1 + 4 * MAX_CHANNELS && (length - 1) % 4 == 0;
      case EVENT -> length == 12;
      case HEARTBEAT -> length == 13;
      case CONFIG -> length == 7;
      case ERROR -> length == 4;
      case RESET_EPISODE -> length == 0;
      case NOISE_SEED -> length == 8;
      case NOISE_NEXT -> length == 1;
      case NOISE_WORDS -> length >= 14 && length <= 4 + 10 * MAX_NOISE_WORDS && (length - 4) % 10 == 0;
      default -> {
        yield false;
      }
    };
    if (ok) {
      return OK;
    }
    return type >= HELLO && type <= NOISE_WORDS ? ERR_PAYLOAD : ERR_TYPE;
  }
}
