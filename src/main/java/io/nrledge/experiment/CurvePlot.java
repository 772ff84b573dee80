package io.nrledge.experiment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Renders the learning curves of an experiment to a PNG, headless: per setting (rule, η, σ) the
 * median across seeds of the 100-episode moving average as a line and the min–max band across
 * seeds shaded, with the task's solved threshold dashed. Must never need a display.
 */
public final class CurvePlot {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  public static final String CURVES_PNG = "curves.png";
  public static final int WIDTH = 1200;
  public static final int HEIGHT = 700;
  /** Longer curves are drawn at every k-th episode; moving averages are smooth enough for that. */
  private static final int MAX_POINTS_PER_SERIES = 2000;
  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)
  };

  private CurvePlot() {}

  /**
   * Writes {@code file}; {@code labelHyperParameters} adds η and σ to each curve's legend entry
   * (for grids).
   */
  public static void writePng(Path file, Task task, boolean corrected, List<RunResult> results,
      boolean labelHyperParameters) throws IOException {
    YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
    for (Map.Entry<Setting, List<double[]>> group : curvesBySetting(results).entrySet()) {
      String label = group.getKey().label(labelHyperParameters) + " (" + group.getValue().size() + " seeds)";
      dataset.addSeries(series(label, SeedBand.of(group.getValue())));
    }
    String noun = task.episodeNoun();
    JFreeChart chart = ChartFactory.createXYLineChart(
        task.title(corrected) + ": median across seeds, band min–max",
        noun,
        "return, moving average over " + MovingAverage.WINDOW + " " + noun + "s",
        dataset, PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    styleRenderer(plot, dataset.getSeriesCount());
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    double threshold = results.isEmpty() ? Double.NaN : results.get(0).threshold();
    if (Double.isFinite(threshold)) {
      plot.addRangeMarker(thresholdMarker(threshold));
    }
    fitRange(plot, dataset, threshold);
    ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
  }

  private static Map<Setting, List<double[]>> curvesBySetting(List<RunResult> results) {
    Map<Setting, List<double[]>> curves = new LinkedHashMap<>();
    for (RunResult result : results) {
      curves.computeIfAbsent(result.spec().setting(), s -> new ArrayList<>()).add(result.movingAverage());
    }
    return curves;
  }

  private static YIntervalSeries series(String label, SeedBand band) {
    YIntervalSeries series = new YIntervalSeries(label);
    int stride = Math.max(1, (band.length() + MAX_POINTS_PER_SERIES - 1) / MAX_POINTS_PER_SERIES);
    for (int i = 0; i < band.length(); i += stride) {
      series.add(i + 1, band.median()[i], band.min()[i], band.max()[i]);
    }
    int last = band.length() - 1;
    if (last % stride != 0) {
      series.add(last + 1, band.median()[last], band.min()[last], band.max()[last]);
    }
    return series;
  }

  private static void styleRenderer(XYPlot plot, int seriesCount) {
    DeviationRenderer renderer = new DeviationRenderer(true, false);
    renderer.setAlpha(0.18f);
    for (int s = 0; s < seriesCount; s++) {
      Color color = PALETTE[s % PALETTE.length];
      renderer.setSeriesPaint(s, color);
      renderer.setSeriesFillPaint(s, color);
      renderer.setSeriesStroke(s, new BasicStroke(2f));
    }
    plot.setRenderer(renderer);
  }

  private static ValueMarker thresholdMarker(double threshold) {
    ValueMarker marker = new ValueMarker(threshold, Color.DARK_GRAY, new BasicStroke(
        1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
    marker.setLabel("solved: " + (threshold == Math.rint(threshold) ? Long.toString((long) threshold) : threshold));
    marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    return marker;
  }

  /** The y range covers every band and the threshold line, with a margin. */
  private static void fitRange(XYPlot plot, YIntervalSeriesCollection dataset, double threshold) {
    Range data = DatasetUtils.findRangeBounds(dataset, true);
    if (data == null) {
      return;
    }
    double lower = data.getLowerBound();
    double upper = data.getUpperBound();
    if (Double.isFinite(threshold)) {
      lower = Math.min(lower, threshold);
      upper = Math.max(upper, threshold);
    }
    double margin = Math.max(0.05 * (upper - lower), 1.0);
    plot.getRangeAxis().setRange(lower - margin, upper + margin);
  }
}
