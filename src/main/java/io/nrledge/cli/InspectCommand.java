package io.nrledge.cli;

import io.nrledge.runtime.LoopState;
import io.nrledge.telemetry.CheckpointFile;
import io.nrledge.telemetry.CheckpointStore;
import io.nrledge.telemetry.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inspect}: what a checkpoint holds and whether it is valid; for a folder, every checkpoint
 * newest first and the one a resume would pick (the newest valid). Exit 0 when the given or chosen
 * checkpoint is valid, 1 when none is, 2 for usage errors.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {"Show a checkpoint's contents and validity, or every checkpoint of a",
        "run --state-dir folder (newest first) and the one a resumed run would load."},
    footer = {"", "--json fields: valid, file, episodes, ticks, profile_hash, saved (UTC),",
        "body_bytes, sections (bytes each), error (when invalid); for a folder the",
        "chosen checkpoint's fields plus dir and checkpoints (every file, newest first).",
        "Exit codes: 0 the checkpoint (or the folder's chosen one) is valid, 1 none is,",
        "2 bad usage."})
final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Parameters(paramLabel = "DIR|FILE", description = "A checkpoint file or a --state-dir folder.")
  Path path;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.exists(path)) {
      throw new UsageException("inspect: " + path + ": no such file or folder");
    }
    List<CheckpointStore.Entry> entries;
    boolean folder = Files.isDirectory(path);
    if (folder) {
      try {
        entries = new CheckpointStore(path).entries();
      } catch (IOException e) {
        throw new UsageException("inspect: " + path + ": " + OutputPaths.reason(e));
      }
    } else {
      entries = List.of(CheckpointStore.read(path));
    }
    CheckpointStore.Entry chosen = entries.stream().filter(CheckpointStore.Entry::valid).findFirst().orElse(null);
    if (json) {
      Map<String, Object> fields = chosen != null ? fields(chosen) : folder ? noneFields() : fields(entries.get(0));
      if (folder) {
        fields.put("dir", path.toString());
      }
      StringBuilder s = new StringBuilder(Json.object(fields));
      if (folder) {
        List<String> all = new ArrayList<>();
        for (CheckpointStore.Entry e : entries) {
          all.add(Json.object(fields(e)));
        }
        s.setLength(s.length() - 1);
        s.append(",\"checkpoints\":[").append(String.join(",", all)).append("]}");
      }
      out.println(s);
    } else {
      if (folder && entries.isEmpty()) {
        out.println(path + ": no checkpoints");
      }
      for (CheckpointStore.Entry e : entries) {
        out.println(text(e) + (folder && e == chosen ? "   <- a resume loads this one" : ""));
      }
      if (folder && !entries.isEmpty() && chosen == null) {
        out.println(path + ": no valid checkpoint: a run would start afresh");
      }
    }
    out.flush();
    return chosen != null ? Main.EXIT_OK : Main.EXIT_RUNTIME_FAILURE;
  }

  private static Map<String, Object> noneFields() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("valid", false);
    m.put("file", null);
    m.put("error", "no valid checkpoint");
    return m;
  }

  private static Map<String, Object> fields(CheckpointStore.Entry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("valid", e.valid());
    m.put("file", e.file().toString());
    if (e.valid()) {
      CheckpointFile.Checkpoint c = e.checkpoint();
      m.put("episodes", c.episodes());
      m.put("ticks", c.ticks());
      m.put("profile_hash", ProfileHash.hex(c.profileHash()));
      m.put("saved", Instant.ofEpochMilli(c.wallTimeMs()).toString());
      m.put("body_bytes", c.bodyBytes());
      Map<String, Object> sections = new LinkedHashMap<>();
      int[] bytes = c.sections();
      for (int i = 0; i < bytes.length; i++) {
        sections.put(i < LoopState.SECTIONS.size() ? LoopState.SECTIONS.get(i) : "section" + i, bytes[i]);
      }
      m.put("sections", sections);
    } else {
      m.put("error", e.error());
    }
    return m;
  }

  private static String text(CheckpointStore.Entry e) {
    if (!e.valid()) {
      return e.file() + ": INVALID: " + e.error();
    }
    CheckpointFile.Checkpoint c = e.checkpoint();
    return e.file() + ": valid, " + c.episodes() + " episodes, " + c.ticks() + " ticks, profile "
        + ProfileHash.hex(c.profileHash()) + ", saved " + Instant.ofEpochMilli(c.wallTimeMs()) + ", " + c.bodyBytes()
        + " bytes of state";
  }
}
