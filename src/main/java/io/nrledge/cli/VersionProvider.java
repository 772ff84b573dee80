package io.nrledge.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the jar's implementation version, or "dev" when run from classes. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"nrl-edge " + implementationVersion()};
  }

  /** The jar manifest's implementation version, or "dev". */
  static String implementationVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
