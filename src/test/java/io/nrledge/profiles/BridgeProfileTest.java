package io.nrledge.profiles;

import static io.nrledge.profiles.ProfileErrors.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code bridge:} section of a {@code rig.type: bridge} profile. */
class BridgeProfileTest {
  static final String BRIDGE = """
      name: b
      rig:
        type: bridge
      bridge:
        port: /dev/ttyACM0
        launch: [sim, --link, /tmp/x]
        failsafe-timeout: 150ms
        plant: track
      loop:
        period: 5ms
        time: realtime
      observation:
        channels: 2
      actions:
        table: [[-1], [1]]
      reward:
        form: episodic
      learner:
        rule: nrl
      """;

  @Test
  void shouldReadTheBridgeSectionWithItsDefaults() {
    DeviceProfile.Bridge b = ProfileLoader.parse("p.yaml", BRIDGE).bridge();
    assertEquals("/dev/ttyACM0", b.port());
    assertEquals(115_200, b.baud());
    assertEquals(List.of("sim", "--link", "/tmp/x"), b.launch());
    assertEquals(150_000_000L, b.failsafeTimeoutNs());
    assertEquals(5_000_000L, b.samplePeriodNs());
    assertEquals("track", b.plant());
  }

  @Test
  void shouldRequireRealTimeForABridge() {
    assertEquals("p.yaml:11:9: loop.time: a bridge rig runs against a real device: set realtime",
        error(BRIDGE.replace("time: realtime", "time: fast")));
  }

  @Test
  void shouldTakeNoDryRunForABridgeWhichHasNoSimulatedTwin() {
    assertEquals(0, ProfileLoader.parse("p.yaml", BRIDGE).loop().dryRunTicks());
    assertEquals("p.yaml:12:18: loop.dry-run-ticks: a bridge rig has no simulated twin to rehearse on: leave it out or set 0",
        error(BRIDGE.replace("time: realtime", "time: realtime\n  dry-run-ticks: 100")));
  }

  @Test
  void shouldRejectABridgeSectionOnASimulatedRigAndAMissingOne() {
    assertEquals("p.yaml:5:3: bridge: only for rig.type: bridge",
        error(BRIDGE.replace("type: bridge", "type: cartpole").replace("channels: 2", "channels: 4")));
    String noSection = BRIDGE.replaceAll("(?s)bridge:\\n  port.*?plant: track\\n", "");
    assertEquals("p.yaml:3:9: rig.type: a bridge rig needs a bridge: section (port, ...)", error(noSection));
  }

  @Test
  void shouldRejectBadBridgeValuesWithTheirPosition() {
    assertEquals("p.yaml:7:21: bridge.failsafe-timeout: must be 10ms..60s",
        error(BRIDGE.replace("failsafe-timeout: 150ms", "failsafe-timeout: 5ms")));
    assertEquals("p.yaml:8:10: bridge.plant: must be one of pins, track, got 'motor'",
        error(BRIDGE.replace("plant: track", "plant: motor")));
    assertEquals("p.yaml:5:3: bridge.prot: unknown key (did you mean 'port'?)", error(BRIDGE.replace("  port:", "  prot:")));
  }
}
