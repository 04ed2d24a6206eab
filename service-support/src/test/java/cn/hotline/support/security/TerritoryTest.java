package cn.hotline.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A county or town territory covers its own places and narrows a list filter to them; city-wide changes nothing. */
class TerritoryTest {

    @Test
    void aCountyCoversItsTownsAndNothingElse() {
        Territory anji = new Territory("330523");
        assertThat(anji.covers("330523", "330523002")).isTrue();
        assertThat(anji.covers("330522", "330522001")).isFalse();
        assertThat(anji.covers(null, null)).as("an unplaced ticket belongs to the city desk").isFalse();
        assertThat(Territory.CITY.covers(null, null)).isTrue();
        Territory town = new Territory("330523002");
        assertThat(town.covers("330523", "330523002")).isTrue();
        assertThat(town.covers("330523", "330523108")).isFalse();
    }

    @Test
    void aFilterIsNarrowedToTheTerritoryOrMatchesNothing() {
        Territory anji = new Territory("330523");
        assertThat(anji.narrow(null, null)).isEqualTo(new Territory.Narrowed("330523", null, false));
        assertThat(anji.narrow("330523", "330523002")).isEqualTo(new Territory.Narrowed("330523", "330523002", false));
        assertThat(anji.narrow("330522", null).nothing()).isTrue();
        Territory town = new Territory("330523002");
        assertThat(town.narrow("330523", null)).isEqualTo(new Territory.Narrowed("330523", "330523002", false));
        assertThat(town.narrow(null, "330523108").nothing()).isTrue();
        assertThat(Territory.CITY.narrow("330522", null)).isEqualTo(new Territory.Narrowed("330522", null, false));
    }
}
