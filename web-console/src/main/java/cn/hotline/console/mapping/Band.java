package cn.hotline.console.mapping;

import java.util.List;

import cn.hotline.console.config.ConsoleConfig;
import cn.hotline.console.mapping.Views.GroupKpis;

/** The five-colour band (五色图) of one area from its KPIs, with the composite score it came from. */
public record Band(String colour, String label, Double score) {

    private static final List<String> COLOURS = List.of("green", "blue", "yellow", "orange", "red");
    private static final List<String> LABELS = List.of("绿", "蓝", "黄", "橙", "红");

    public static Band of(GroupKpis k, ConsoleConfig.Bands config) {
        double sum = 0;
        double weights = 0;
        double[][] parts = {
            {value(k.onTimeSignRate()), config.onTimeSignWeight()},
            {value(k.responseRate()), config.responseWeight()},
            {value(k.resolutionRate()), config.resolutionWeight()},
            {value(k.satisfactionRate()), config.satisfactionWeight()},
            {value(k.threeDayCloseRate()), config.threeDayCloseWeight()},
            {k.returnRate() == null ? Double.NaN : 1 - k.returnRate(), config.returnWeight()}};
        for (double[] part : parts) {
            if (!Double.isNaN(part[0]) && part[1] > 0) {
                sum += part[0] * part[1];
                weights += part[1];
            }
        }
        if (weights == 0) {
            return new Band("none", "—", null);
        }
        double score = Math.round(sum / weights * 10_000) / 10_000.0;
        List<Double> thresholds = config.thresholds();
        for (int i = 0; i < thresholds.size() && i < 4; i++) {
            if (score >= thresholds.get(i)) {
                return new Band(COLOURS.get(i), LABELS.get(i), score);
            }
        }
        return new Band(COLOURS.get(4), LABELS.get(4), score);
    }

    private static double value(Double rate) {
        return rate == null ? Double.NaN : rate;
    }
}
