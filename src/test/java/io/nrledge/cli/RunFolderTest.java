package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
  @TempDir Path root;

  @Test
  void shouldGiveRunsStartedInTheSameSecondAFolderEach() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Path>> claims = new ArrayList<>();
      Callable<Path> claim = () -> RunFolder.claimFresh(root, "sim-rover-20261205T093000Z");
      for (int i = 0; i < 16; i++) {
        claims.add(pool.submit(claim));
      }
      HashSet<Path> folders = new HashSet<>();
      for (Future<Path> f : claims) {
        folders.add(f.get());
      }
      assertEquals(16, folders.size(), "every run its own folder");
      assertEquals(16, Files.list(root).count());
    } finally {
      pool.shutdownNow();
    }
  }
}
