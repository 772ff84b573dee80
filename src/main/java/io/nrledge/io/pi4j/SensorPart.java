package io.nrledge.io.pi4j;

/** One declared sensor of a Pi4J board: a device sampled on the I/O thread, or an edge counter read on the tick. */
sealed interface SensorPart permits SampledDevice, EdgeCounter {
  /** Its profile key ({@code sensors[1]}). */
  String key();

  /** Raw channels it fills. */
  int channels();

  /** Creates its Pi4J I/O; throws with a clear message when the hardware does not answer. Not real-time safe. */
  void open(Pi4jPlatform platform);
}
