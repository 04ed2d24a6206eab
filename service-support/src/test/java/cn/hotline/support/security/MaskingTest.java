package cn.hotline.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Phone and ID numbers as every API, event and log line shows them. */
class MaskingTest {

    @Test
    void mobileNumbersKeepPrefixAndLastFour() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.phone("057212345678")).isEqualTo("057****5678");
    }

    @Test
    void shortNumbersRevealLittle() {
        assertThat(Masking.phone("12345")).isEqualTo("***45");
        assertThat(Masking.phone("110")).isEqualTo("***");
        assertThat(Masking.phone(null)).isNull();
    }

    @Test
    void idNumbersKeepRegionAndLastFour() {
        assertThat(Masking.idNumber("330523199001011234")).isEqualTo("3305**********1234");
        assertThat(Masking.idNumber("1234")).isEqualTo("****");
    }
}
