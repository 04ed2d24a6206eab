package cn.hotline.console.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.hotline.console.config.ConsoleConfig;
import cn.hotline.console.mapping.Views.GroupKpis;

/** The five-colour band: a weighted mean of the rates an area has, against the configured thresholds. */
class BandTest {

    private static final ConsoleConfig.Bands DEFAULTS = bands(List.of(0.95, 0.90, 0.85, 0.80));

    @Test
    void allRatesPerfectIsGreenAndTheReturnRateCountsAgainst() {
        assertThat(Band.of(kpis(1.0, 1.0, 1.0, 1.0, 1.0, 0.0), DEFAULTS)).isEqualTo(new Band("green", "绿", 1.0));
        Band returned = Band.of(kpis(1.0, 1.0, 1.0, 1.0, 1.0, 1.0), DEFAULTS);
        assertThat(returned.score()).isEqualTo(0.9);
        assertThat(returned.colour()).isEqualTo("blue");
    }

    @Test
    void missingRatesAreLeftOutNotCountedAsZero() {
        Band onlySign = Band.of(kpis(0.86, null, null, null, null, null), DEFAULTS);
        assertThat(onlySign.score()).isEqualTo(0.86);
        assertThat(onlySign.colour()).isEqualTo("yellow");
        assertThat(Band.of(kpis(null, null, null, null, null, null), DEFAULTS).colour()).isEqualTo("none");
    }

    @Test
    void thresholdsComeFromConfiguration() {
        GroupKpis k = kpis(0.7, 0.7, 0.7, 0.7, 0.7, 0.3);
        assertThat(Band.of(k, DEFAULTS).colour()).isEqualTo("red");
        assertThat(Band.of(k, bands(List.of(0.9, 0.8, 0.75, 0.6))).colour()).isEqualTo("orange");
    }

    static GroupKpis kpis(Double sign, Double response, Double resolution, Double satisfaction, Double threeDay, Double returns) {
        return new GroupKpis("330523", 10, 10, sign, null, null, threeDay, response, resolution, satisfaction, returns, null,
                0, null, null);
    }

    static ConsoleConfig.Bands bands(List<Double> thresholds) {
        return new ConsoleConfig.Bands() {
            @Override
            public List<Double> thresholds() {
                return thresholds;
            }

            @Override
            public double onTimeSignWeight() {
                return 0.25;
            }

            @Override
            public double responseWeight() {
                return 0.15;
            }

            @Override
            public double resolutionWeight() {
                return 0.2;
            }

            @Override
            public double satisfactionWeight() {
                return 0.2;
            }

            @Override
            public double threeDayCloseWeight() {
                return 0.1;
            }

            @Override
            public double returnWeight() {
                return 0.1;
            }
        };
    }
}
