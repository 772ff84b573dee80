package io.nrledge.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderLockTest {
  @TempDir Path root;

  /** A run folder of {@code bytes} bytes of telemetry, as a budget counts it. */
  private Path run(String name, int bytes) throws IOException {
    Path dir = Files.createDirectories(root.resolve(name));
    Files.write(dir.resolve("telemetry-000000.mcap"), new byte[bytes]);
    return dir;
  }

  @Test
  void shouldNeverDeleteAFolderThisProcessStillHolds() throws IOException {
    Path live = run("a-live", 4096);
    Path current = run("b-current", 4096);
    DiskBudget budget = new DiskBudget(root, current, 4096);
    Path keep = current.resolve("telemetry-000000.mcap"); // the file the current run writes

    RunFolderLock lock = RunFolderLock.acquire(live);
    try {
      assertTrue(RunFolderLock.held(live));
      assertEquals(List.of(), budget.enforce(0, keep).stream().filter(p -> p.equals(live)).toList());
      assertTrue(Files.exists(live), "the live run stays though the budget is exceeded");
      assertThrows(IOException.class, () -> RunFolderLock.acquire(live), "a second run cannot take it");
    } finally {
      lock.close();
    }
    assertFalse(RunFolderLock.held(live));
    assertTrue(budget.enforce(0, keep).contains(live), "once released it is the oldest run and goes first");
    assertFalse(Files.exists(live));
  }

  @Test
  void shouldNeverDeleteAFolderAnotherProcessStillHoldsAndFreeItWhenThatProcessDies() throws Exception {
    Path live = run("a-live", 4096);
    Path current = run("b-current", 4096);
    DiskBudget budget = new DiskBudget(root, current, 4096);
    Path keep = current.resolve("telemetry-000000.mcap"); // the file the current run writes
    Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Holder.class.getName(), live.toString())
        .redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("locked", out.readLine(), "the other process took the lock");

      assertTrue(RunFolderLock.held(live));
      budget.enforce(0, keep);
      assertTrue(Files.exists(live.resolve("telemetry-000000.mcap")), "the other process's run stays");
      assertThrows(IOException.class, () -> RunFolderLock.acquire(live));
      assertTrue(RunFolderLock.held(live), "testing the lock did not release it");
    } finally {
      holder.destroyForcibly();
      assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
    }
    assertFalse(RunFolderLock.held(live), "the lock died with its process");
    assertTrue(budget.enforce(0, keep).contains(live));
  }

  @Test
  void shouldHoldTheLockOfAFinishedRunWhileDeletingItSoNoRunCanTakeItMeanwhile() throws IOException {
    Path finished = run("a-finished", 4096);
    RunFolderLock.acquire(finished).close(); // a run that ended: its lock file stays, unlocked
    boolean[] refused = {false};

    boolean deleted = RunFolderLock.deleteUnlessHeld(finished, DiskBudget::looksLikeRun, folder -> {
      refused[0] = assertThrows(Exception.class, () -> RunFolderLock.acquire(folder)) != null;
      Files.delete(folder.resolve("telemetry-000000.mcap"));
      Files.delete(folder.resolve(RunFolderLock.FILE));
      Files.delete(folder);
    });

    assertTrue(deleted);
    assertTrue(refused[0], "a run could not lock the folder during the deletion");
    assertFalse(Files.exists(finished));
  }

  @Test
  void shouldLeaveAFolderThatANewRunClaimsWhileTheBudgetLooksAtIt() throws IOException {
    // the budget listed a finished run; meanwhile it was deleted and its name claimed by a new run,
    // which has just created its lock (and is about to write): the stale decision must not delete it
    Path reused = Files.createDirectories(root.resolve("a-reused"));
    RunFolderLock[] newRun = {null};
    try {
      boolean deleted = RunFolderLock.deleteUnlessHeld(reused, folder -> {
        try {
          newRun[0] = RunFolderLock.acquire(folder);
          Files.write(folder.resolve("telemetry-000000.mcap"), new byte[16]);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        return true;
      }, folder -> { throw new AssertionError("deleted a live run's folder"); });

      assertFalse(deleted);
      assertTrue(Files.exists(reused.resolve("telemetry-000000.mcap")));
    } finally {
      if (newRun[0] != null) {
        newRun[0].close();
      }
    }
  }

  @Test
  void shouldDeleteARunFromBeforeFolderLocksButNotAFolderBeingClaimed() throws IOException {
    Path legacy = run("a-legacy", 4096); // telemetry, no lock file
    Path claimed = Files.createDirectories(root.resolve("b-claimed")); // created, nothing in it yet

    assertTrue(RunFolderLock.deleteUnlessHeld(legacy, DiskBudget::looksLikeRun, RunFolderLockTest::deleteTree));
    assertFalse(RunFolderLock.deleteUnlessHeld(claimed, DiskBudget::looksLikeRun, RunFolderLockTest::deleteTree));
    assertFalse(Files.exists(legacy));
    assertTrue(Files.exists(claimed));
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Holds a run folder's lock until killed: the other process of the test above. */
  public static final class Holder {
    public static void main(String[] args) throws Exception {
      RunFolderLock.acquire(Path.of(args[0]));
      System.out.println("locked");
      System.out.flush();
      Thread.sleep(60_000);
    }
  }
}
