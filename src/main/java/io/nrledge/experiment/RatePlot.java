package io.nrledge.experiment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Renders continuing runs against simulated time to a PNG, headless: per group, at the middle of
 * each window, the interquartile mean across seeds as a line and its 95 % bootstrap interval
 * shaded; above, reward per 1,000 ticks (its axis fitted to the groups other than
 * {@code offScale}, whose line may leave the chart), below, positive rewards per hour on a log
 * axis. Must never need a display.
 */
public final class RatePlot {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private static final int WIDTH = 1100;
  private static final int HEIGHT = 800;
  private static final double LOG_FLOOR = 0.5;
  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)
  };

  private RatePlot() {}

  public static void writePng(Path file, String title, Map<String, List<ContinuingRun>> groups, String offScale,
      String gain) throws IOException {
    YIntervalSeriesCollection rates = new YIntervalSeriesCollection();
    YIntervalSeriesCollection gains = new YIntervalSeriesCollection();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, List<ContinuingRun>> g : groups.entrySet()) {
      List<ContinuingRun> runs = g.getValue();
      Interval whole = ContinuingReport.acrossSeeds(runs, r -> mean(r.rateWindows()));
      String label = g.getKey() + " (" + runs.size() + " seeds"
          + (g.getKey().equals(offScale) ? String.format(java.util.Locale.ROOT, ", %.0f/1k ticks, off scale",
              whole.estimate()) : "") + ")";
      YIntervalSeries rate = series(label, runs, r -> r.rateWindows(), false);
      rates.addSeries(rate);
      gains.addSeries(series(label, runs, RatePlot::gainsPerHour, true));
      if (!g.getKey().equals(offScale)) {
        for (int i = 0; i < rate.getItemCount(); i++) {
          lo = Math.min(lo, rate.getYLowValue(i));
          hi = Math.max(hi, rate.getYHighValue(i));
        }
      }
    }
    NumberAxis rateAxis = new NumberAxis("reward per 1,000 ticks");
    if (Double.isFinite(lo) && Double.isFinite(hi)) {
      double margin = Math.max(0.05 * (hi - lo), 0.1);
      rateAxis.setRange(lo - margin, hi + margin);
    }
    LogAxis gainAxis = new LogAxis(gain + " per hour (log)");
    gainAxis.setSmallestValue(LOG_FLOOR);
    gainAxis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0)); // one label per power of ten
    gainAxis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.#"));
    XYPlot top = new XYPlot(rates, null, rateAxis, renderer(rates.getSeriesCount(), true));
    XYPlot bottom = new XYPlot(gains, null, gainAxis, renderer(gains.getSeriesCount(), false));
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("simulated hours"));
    for (XYPlot p : List.of(top, bottom)) {
      p.setBackgroundPaint(Color.WHITE);
      p.setDomainGridlinePaint(Color.LIGHT_GRAY);
      p.setRangeGridlinePaint(Color.LIGHT_GRAY);
      plot.add(p, 1);
    }
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
  }

  private static double[] gainsPerHour(ContinuingRun r) {
    double[] v = new double[r.windows()];
    for (int w = 0; w < v.length; w++) {
      v[w] = r.gainPerHour(w);
    }
    return v;
  }

  /** IQM and interval per window at the window's middle; on a log axis, values below the floor sit on it. */
  private static YIntervalSeries series(String label, List<ContinuingRun> runs,
      java.util.function.Function<ContinuingRun, double[]> figure, boolean logFloor) {
    YIntervalSeries s = new YIntervalSeries(label);
    ContinuingRun first = runs.get(0);
    for (int w = 0; w < first.windows(); w++) {
      int i = w;
      ToDoubleFunction<ContinuingRun> f = r -> figure.apply(r)[i];
      Interval v = ContinuingReport.acrossSeeds(runs, f);
      if (Double.isNaN(v.estimate())) {
        continue;
      }
      double x = first.hours() * (w + 0.5) / first.windows();
      if (logFloor) {
        s.add(x, Math.max(LOG_FLOOR, v.estimate()), Math.max(LOG_FLOOR, v.low()), Math.max(LOG_FLOOR, v.high()));
      } else {
        s.add(x, v.estimate(), v.low(), v.high());
      }
    }
    return s;
  }

  private static double mean(double[] v) {
    double sum = 0;
    for (double x : v) {
      sum += x;
    }
    return sum / v.length;
  }

  private static DeviationRenderer renderer(int seriesCount, boolean inLegend) {
    DeviationRenderer renderer = new DeviationRenderer(true, true);
    renderer.setAlpha(0.2f);
    for (int s = 0; s < seriesCount; s++) {
      Color color = PALETTE[s % PALETTE.length];
      renderer.setSeriesPaint(s, color);
      renderer.setSeriesFillPaint(s, color);
      renderer.setSeriesStroke(s, new BasicStroke(2f));
      renderer.setSeriesVisibleInLegend(s, inLegend);
    }
    return renderer;
  }
}
