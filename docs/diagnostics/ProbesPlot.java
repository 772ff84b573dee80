// Episodes-to-solve of nrl-layer on CartPole against its noise probes per layer K, from experiment
// folders: java -cp target/nrl-edge.jar docs/diagnostics/ProbesPlot.java OUT.png K:LR=DIR ...
// Each DIR is an `experiment --rules nrl-layer --probes K` folder; the rows of its summary.csv at
// learning rate LR are one point per seed (an unsolved run counted as the budget), with their
// interquartile mean and its 95 % bootstrap interval as the line and band. Headless.
import io.nrledge.experiment.Interval;
import io.nrledge.experiment.RobustStatistics;
import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

public class ProbesPlot {
  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    if (args.length < 2) {
      System.err.println("usage: ProbesPlot OUT.png K:LR=DIR ...");
      System.exit(2);
    }
    YIntervalSeries iqm = new YIntervalSeries("IQM across seeds, 95 % bootstrap CI");
    XYSeries seeds = new XYSeries("one seed (unsolved: the budget)");
    int runs = 0;
    for (int i = 1; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      String[] kl = kv[0].split(":", 2);
      int k = Integer.parseInt(kl[0]);
      double lr = Double.parseDouble(kl[1]);
      List<String> lines = Files.readAllLines(Path.of(kv[1], "summary.csv"));
      List<String> head = List.of(lines.get(0).split(","));
      int cLr = head.indexOf("lr");
      int cEpisodes = head.indexOf("episodes");
      int cSolved = head.indexOf("solved_at_episode");
      List<Double> values = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",");
        if (Double.parseDouble(f[cLr]) != lr) {
          continue;
        }
        int solved = Integer.parseInt(f[cSolved]);
        double v = solved > 0 ? solved : Double.parseDouble(f[cEpisodes]);
        values.add(v);
        seeds.add(k * (1 + 0.04 * (values.size() - 3.5) / 3.5), v); // spread the seeds a little sideways
      }
      double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
      Interval ci = RobustStatistics.iqmBootstrap(v, 10_000, 1);
      iqm.add(k, ci.estimate(), ci.low(), ci.high());
      System.out.printf("K=%d lr=%s seeds=%d IQM %.0f [%.0f, %.0f]%n", k, kl[1], v.length, ci.estimate(), ci.low(),
          ci.high());
      runs += v.length;
    }
    LogAxis x = new LogAxis("noise probes per layer K (log scale)");
    x.setBase(2);
    x.setNumberFormatOverride(new java.text.DecimalFormat("0"));
    x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1)); // one tick per power of two
    NumberAxis y = new NumberAxis("episodes to solve (100-episode mean >= 475)");
    XYPlot plot = new XYPlot(new YIntervalSeriesCollection(), x, y, null);
    YIntervalSeriesCollection band = new YIntervalSeriesCollection();
    band.addSeries(iqm);
    DeviationRenderer line = new DeviationRenderer(true, true);
    line.setSeriesPaint(0, new Color(0x1f77b4));
    line.setSeriesFillPaint(0, new Color(0x1f77b4));
    line.setSeriesStroke(0, new BasicStroke(2f));
    line.setAlpha(0.2f);
    plot.setDataset(0, band);
    plot.setRenderer(0, line);
    XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
    dots.setSeriesPaint(0, new Color(0xd62728));
    plot.setDataset(1, new XYSeriesCollection(seeds));
    plot.setRenderer(1, dots);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart = new JFreeChart("CartPole-v1, nrl-layer: episodes to solve against probes per layer ("
        + runs + " runs)", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(Path.of(args[0]).toFile(), chart, 1000, 600);
  }
}
