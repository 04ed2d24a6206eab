package cn.hotline.stack.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws the run as a PNG: offered, accepted and dispatched tickets per second above, p99 to dispatch below. */
final class BenchChart {

    private BenchChart() {
    }

    static void write(Path file, List<StepResult> steps, long p99BoundMs) throws IOException {
        XYSeries offered = new XYSeries("offered /s");
        XYSeries accepted = new XYSeries("accepted (201) /s");
        XYSeries dispatched = new XYSeries("dispatched /s");
        XYSeries p99 = new XYSeries("p99 to dispatch.assigned (ms, by intended send second)");
        XYSeries bound = new XYSeries("bound " + p99BoundMs + " ms");
        int offset = 0;
        for (StepResult step : steps) {
            for (int i = 0; i < step.offeredSeries().length; i++) {
                offered.add(offset + i, step.offeredSeries()[i]);
                accepted.add(offset + i, step.acceptedSeries()[i]);
                dispatched.add(offset + i, step.dispatchedSeries()[i]);
                if (!Double.isNaN(step.p99Series()[i]) && step.p99Series()[i] > 0) {
                    p99.add(offset + i, step.p99Series()[i]);
                }
                bound.add(offset + i, p99BoundMs);
            }
            offset += step.offeredSeries().length;
        }
        XYPlot rates = plot(new NumberAxis("tickets per second"), new Color[] {Color.GRAY, new Color(31, 119, 180),
            new Color(44, 160, 44)}, offered, accepted, dispatched);
        LogarithmicAxis latencyAxis = new LogarithmicAxis("p99 ms (log)");
        latencyAxis.setAllowNegativesFlag(false);
        XYPlot latency = plot(latencyAxis, new Color[] {new Color(214, 39, 40), Color.BLACK}, p99, bound);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(new NumberAxis("seconds of load (steps back to back, the quiet waits between them left out)"));
        combined.add(rates, 1);
        combined.add(latency, 1);
        JFreeChart chart = new JFreeChart("bench.sh: offered vs achieved, and latency", JFreeChart.DEFAULT_TITLE_FONT,
                combined, true);
        chart.setBackgroundPaint(Color.WHITE);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1400, 800);
    }

    private static XYPlot plot(NumberAxis axis, Color[] colours, XYSeries... series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (XYSeries s : series) {
            data.addSeries(s);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < series.length; i++) {
            renderer.setSeriesStroke(i, new BasicStroke(1.6f));
            renderer.setSeriesPaint(i, colours[i]);
        }
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        plot.setBackgroundPaint(new Color(250, 250, 250));
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
