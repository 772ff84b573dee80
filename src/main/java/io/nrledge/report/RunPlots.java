package io.nrledge.report;

import io.nrledge.telemetry.TelemetryFormat;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a run's telemetry as four PNGs with JFreeChart, headless: the learning curve (episode
 * returns and their moving average; reward per 1,000 ticks for a continuing task), reward over
 * loop time, the loop-lateness histogram and faults over time. Must never need a display.
 */
public final class RunPlots {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  public static final String LEARNING_CURVE = "learning-curve.png";
  public static final String REWARDS = "rewards.png";
  public static final String LATENESS = "lateness.png";
  public static final String FAULTS = "faults.png";
  public static final List<String> FILES = List.of(LEARNING_CURVE, REWARDS, LATENESS, FAULTS);
  static final int WIDTH = 1000;
  static final int HEIGHT = 600;
  /** Longer series are drawn at every k-th point. */
  private static final int MAX_POINTS = 5000;

  private RunPlots() {}

  /** Writes the four PNGs into {@code out}; their paths. */
  public static List<Path> write(RunTelemetry t, Path out) throws IOException {
    String title = t.run().getOrDefault("profile", "run") + " (" + t.run().getOrDefault("mode", "?") + ")";
    List<Path> written = new ArrayList<>();
    written.add(save(learningCurve(t, title), out.resolve(LEARNING_CURVE)));
    written.add(save(rewards(t, title), out.resolve(REWARDS)));
    written.add(save(lateness(t, title), out.resolve(LATENESS)));
    written.add(save(faults(t, title), out.resolve(FAULTS)));
    return written;
  }

  private static JFreeChart learningCurve(RunTelemetry t, String title) {
    XYSeriesCollection data = new XYSeriesCollection();
    if (!t.episodes().isEmpty()) {
      XYSeries returns = new XYSeries("episode return");
      XYSeries average = new XYSeries("moving average over " + t.run().getOrDefault("average_window", "?")
          + " episodes");
      List<TelemetryFormat.Episode> es = t.episodes();
      int stride = stride(es.size());
      for (int i = 0; i < es.size(); i += stride) {
        returns.add(es.get(i).episode(), es.get(i).episodeReturn());
        average.add(es.get(i).episode(), es.get(i).movingAverage());
      }
      data.addSeries(returns);
      data.addSeries(average);
      return styled(ChartFactory.createXYLineChart(title + ": learning curve", "episode", "return", data,
          PlotOrientation.VERTICAL, true, false, false));
    }
    data.addSeries(rewardPer1k(t, "reward per 1,000 ticks"));
    return styled(ChartFactory.createXYLineChart(title + ": learning curve (continuing task)",
        "tick / 1,000", "reward per 1,000 ticks", data, PlotOrientation.VERTICAL, true, false, false));
  }

  private static XYSeries rewardPer1k(RunTelemetry t, String name) {
    XYSeries s = new XYSeries(name);
    List<double[]> b = t.rewardBuckets();
    for (int i = 0; i < b.size(); i++) {
      if (b.get(i)[2] > 0) {
        s.add(i, b.get(i)[1] * RunTelemetry.TICKS_PER_BUCKET / b.get(i)[2]);
      }
    }
    return s;
  }

  private static JFreeChart rewards(RunTelemetry t, String title) {
    XYSeries s = new XYSeries("reward per " + RunTelemetry.TICKS_PER_BUCKET + " ticks");
    for (double[] b : t.rewardBuckets()) {
      if (b[2] > 0) {
        s.add(b[0], b[1] * RunTelemetry.TICKS_PER_BUCKET / b[2]);
      }
    }
    return styled(ChartFactory.createXYLineChart(title + ": reward over time", "loop time (s)",
        "reward per " + RunTelemetry.TICKS_PER_BUCKET + " ticks", new XYSeriesCollection(s),
        PlotOrientation.VERTICAL, true, false, false));
  }

  private static JFreeChart lateness(RunTelemetry t, String title) {
    XYSeries s = new XYSeries("ticks");
    for (HistogramIterationValue v : t.latenessNs().logarithmicBucketValues(1_000, 2.0)) {
      s.add(v.getValueIteratedTo() / 1e3, v.getCountAddedInThisIterationStep());
    }
    JFreeChart chart = ChartFactory.createXYBarChart(title + ": tick-start lateness", "lateness up to (µs, ×2 buckets)",
        false, "ticks", new XYSeriesCollection(s), PlotOrientation.VERTICAL, false, false, false);
    if (t.latenessNs().getMaxValue() == 0) {
      chart.addSubtitle(new TextTitle("every tick started on time (fast mode runs on a virtual clock)"));
    }
    return styled(chart);
  }

  private static JFreeChart faults(RunTelemetry t, String title) {
    Map<String, XYSeries> byKind = new LinkedHashMap<>();
    for (RunTelemetry.FaultAt f : t.faults()) {
      XYSeries s = byKind.computeIfAbsent(f.kind(), k -> new XYSeries(k));
      s.add(f.seconds(), s.getItemCount() + 1);
    }
    XYSeriesCollection data = new XYSeriesCollection();
    byKind.values().forEach(data::addSeries);
    JFreeChart chart = ChartFactory.createXYStepChart(title + ": faults over time", "loop time (s)",
        "faults so far", data, PlotOrientation.VERTICAL, true, false, false);
    if (t.faults().isEmpty()) {
      chart.addSubtitle(new TextTitle("no faults"));
    }
    return styled(chart);
  }

  private static int stride(int n) {
    return Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
  }

  private static JFreeChart styled(JFreeChart chart) {
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    for (int i = 0; i < plot.getSeriesCount(); i++) {
      plot.getRenderer().setSeriesStroke(i, new BasicStroke(i == 0 ? 1f : 2.5f));
    }
    return chart;
  }

  private static Path save(JFreeChart chart, Path file) throws IOException {
    ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    return file;
  }
}
