package io.nrledge.env;

import java.util.List;
import java.util.Map;

/**
 * Creates environments by name, for configuration files and the command line. Not real-time safe.
 *
 * <p>Error messages start with the name of the bad parameter ({@code task:} or {@code option:})
 * so a caller can point at its own option.
 */
public final class Environments {
  /** The task names {@link #create(String)} accepts. */
  public static final List<String> NAMES = List.of("cartpole", "acrobot", "reaching");

  private Environments() {}

  /** The task with its default options (Reaching1D as neurogym has it). */
  public static Environment create(String name) {
    return create(name, Map.of());
  }

  /**
   * The task with options. Only reaching takes one: {@code corrected=true} rewards against the
   * real target instead of neurogym's {@code floor(target)} ({@link Reaching1D.Variant}); the
   * default is {@code corrected=false}.
   *
   * @throws IllegalArgumentException for an unknown task, an unknown option or a bad option value
   */
  public static Environment create(String name, Map<String, String> options) {
    return switch (name) {
      case "cartpole" -> {
        requireNoOptions(name, options);
        yield new CartPole();
      }
      case "acrobot" -> {
        requireNoOptions(name, options);
        yield new Acrobot();
      }
      case "reaching" -> new Reaching1D(reachingVariant(options));
      default -> throw new IllegalArgumentException(
          "task: unknown task '" + name + "' (" + String.join(", ", NAMES) + ")");
    };
  }

  private static void requireNoOptions(String name, Map<String, String> options) {
    if (!options.isEmpty()) {
      throw new IllegalArgumentException(
          "option: " + name + " takes no options, got " + String.join(", ", options.keySet()));
    }
  }

  private static Reaching1D.Variant reachingVariant(Map<String, String> options) {
    for (String key : options.keySet()) {
      if (!key.equals("corrected")) {
        throw new IllegalArgumentException("option: unknown option '" + key + "' for reaching (corrected)");
      }
    }
    String corrected = options.getOrDefault("corrected", "false");
    return switch (corrected) {
      case "false" -> Reaching1D.Variant.NEUROGYM;
      case "true" -> Reaching1D.Variant.CORRECTED;
      default -> throw new IllegalArgumentException(
          "option: corrected must be true or false, got '" + corrected + "'");
    };
  }
}
