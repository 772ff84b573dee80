package io.nrledge.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentsTest {
  @Test
  void shouldCreateEachTaskByName() {
    assertInstanceOf(CartPole.class, Environments.create("cartpole"));
    assertInstanceOf(Acrobot.class, Environments.create("acrobot"));
    assertInstanceOf(Reaching1D.class, Environments.create("reaching"));
    for (String name : Environments.NAMES) {
      assertEquals(name, Environments.create(name).name());
    }
  }

  @Test
  void shouldRejectAnUnknownTaskNamingTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Environments.create("pendulum"));
    assertEquals("task: unknown task 'pendulum' (cartpole, acrobot, reaching)", e.getMessage());
  }

  @Test
  void shouldCreateNeurogymReachingByDefaultAndCorrectedOnRequest() {
    assertEquals(Reaching1D.Variant.NEUROGYM, ((Reaching1D) Environments.create("reaching")).variant());
    assertEquals(Reaching1D.Variant.NEUROGYM,
        ((Reaching1D) Environments.create("reaching", Map.of("corrected", "false"))).variant());
    assertEquals(Reaching1D.Variant.CORRECTED,
        ((Reaching1D) Environments.create("reaching", Map.of("corrected", "true"))).variant());
  }

  @Test
  void shouldRejectBadOptions() {
    assertEquals("option: corrected must be true or false, got 'yes'",
        assertThrows(IllegalArgumentException.class,
            () -> Environments.create("reaching", Map.of("corrected", "yes"))).getMessage());
    assertEquals("option: unknown option 'noise' for reaching (corrected)",
        assertThrows(IllegalArgumentException.class,
            () -> Environments.create("reaching", Map.of("noise", "0.1"))).getMessage());
    assertEquals("option: cartpole takes no options, got corrected",
        assertThrows(IllegalArgumentException.class,
            () -> Environments.create("cartpole", Map.of("corrected", "true"))).getMessage());
  }
}
