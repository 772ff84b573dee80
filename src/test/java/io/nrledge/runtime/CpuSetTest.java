package io.nrledge.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuSetTest {

  @Test
  void shouldParseSingleCpusRangesAndLists() {
    assertEquals(CpuSet.of(2), CpuSet.parse("2"));
    assertEquals(CpuSet.of(2, 3), CpuSet.parse("2-3"));
    assertEquals(CpuSet.of(0, 2), CpuSet.parse("0,2"));
    assertEquals(CpuSet.of(0, 1, 4, 7, 8, 9), CpuSet.parse(" 0-1, 4,7-9 "));
    assertEquals(6, CpuSet.parse("0-1,4,7-9").size());
  }

  @Test
  void shouldPrintTheCanonicalListWithRangesMerged() {
    assertEquals("0,2-4,1023", CpuSet.parse("4,3,2,0,1023,3").toString());
    assertEquals("0-3", CpuSet.parse("0-1,2,3").toString());
  }

  @Test
  void shouldRejectMalformedSetsNamingTheBadPart() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("")).getMessage().contains("empty"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("3-1")).getMessage().contains("'3-1'"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("1,,2")).getMessage().contains("'1,,2'"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("a")).getMessage().contains("'a'"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("-1")).getMessage().contains("not a CPU number"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("1024")).getMessage().contains("out of range"));
  }

  @Test
  void shouldRoundTripThroughTheKernelMaskLayout() {
    CpuSet set = CpuSet.parse("0,9,63-64,1023");
    byte[] mask = set.toMask();

    assertEquals(CpuSet.MASK_BYTES, mask.length);
    assertEquals(0x01, mask[0]);
    assertEquals(0x02, mask[1]);
    assertEquals((byte) 0x80, mask[7]);
    assertEquals(0x01, mask[8]);
    assertEquals((byte) 0x80, mask[127]);
    assertEquals(set, CpuSet.fromMask(mask));
    assertArrayEquals(mask, CpuSet.fromMask(mask).toMask());
    assertFalse(set.contains(1));
  }
}
