package cn.hotline.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.hotline.region.TerritoryPlacer.Placement;
import cn.hotline.region.TerritoryPlacer.Query;

/** The one placing algorithm over the region's real division names and county boundaries. */
class TerritoryPlacerTest {

    private static final TerritoryPlacer PLACER = new TerritoryPlacer(
            DivisionTree.fromCsv("hotline/region/huzhou-divisions.csv"),
            Boundaries.fromFeatureCollection("hotline/region/huzhou-counties.geojson"));

    @Test
    void anAddressAloneNamesCountyTownAndVillage() {
        Placement p = PLACER.place(Query.of(null, null, "德清县莫干山镇高峰村12号"));
        assertThat(p.code(DivisionLevel.VILLAGE)).isEqualTo("330521115200");
        assertThat(p.code(DivisionLevel.COUNTY)).isEqualTo("330521");
        assertThat(p.resolvedBy()).isEqualTo("ADDRESS");
        assertThat(PLACER.place(Query.of(null, null, "莫干山镇莫干山居委会旁")).code(DivisionLevel.VILLAGE))
                .isEqualTo("330521115001");
    }

    @Test
    void thePointGivesTheCountyAndTheAddressRefinesItWithinThatCounty() {
        Placement point = PLACER.place(Query.of(30.87, 120.42, null));
        assertThat(point.code(DivisionLevel.COUNTY)).isEqualTo("330503");
        assertThat(point.resolvedBy()).isEqualTo("POLYGON");
        Placement both = PLACER.place(Query.of(30.52, 119.63, "安吉县天荒坪镇余村"));
        assertThat(both.code(DivisionLevel.VILLAGE)).isEqualTo("330523108204");
        assertThat(both.resolvedBy()).isEqualTo("POLYGON+ADDRESS");
        Placement elsewhere = PLACER.place(Query.of(30.64, 119.68, "织里镇"));
        assertThat(elsewhere.code(DivisionLevel.COUNTY)).isEqualTo("330523");
        assertThat(elsewhere.code(DivisionLevel.TOWN)).isNull();
        assertThat(elsewhere.resolvedBy()).isEqualTo("POLYGON");
    }

    @Test
    void aKnownTownIsKeptAndOnlyRefinedBelowIt() {
        Placement p = PLACER.place(new Query("330523", "330523108", null, "POLYGON+ADDRESS", null, null, "余村村口"));
        assertThat(p.code(DivisionLevel.VILLAGE)).isEqualTo("330523108204");
        assertThat(p.resolvedBy()).isEqualTo("POLYGON+ADDRESS+ADDRESS");
        Placement code = PLACER.place(new Query("330523", "330523108", null, null, null, null, "德清县莫干山镇"));
        assertThat(code.code(DivisionLevel.TOWN)).isEqualTo("330523108");
        assertThat(code.resolvedBy()).isEqualTo("CODE");
    }

    @Test
    void nothingCertainIsNowhere() {
        assertThat(PLACER.place(Query.of(null, null, "余村")).placed()).isFalse();
        assertThat(PLACER.place(Query.of(39.9, 116.4, null)).placed()).isFalse();
        assertThat(PLACER.place(Query.of(null, null, null))).isEqualTo(Placement.NOWHERE);
    }
}
