package cn.hotline.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.hotline.notify.domain.SmsText;
import cn.hotline.notify.gateway.SmsEncoder;

/** Encoding choice and segment counts: GSM-7 160 / 153, UCS-2 70 / 67. */
class SmsEncoderTest {

    @Test
    void gsmTextsUse160SingleAnd153PerPart() {
        assertThat(SmsEncoder.encode("a".repeat(160)).parts()).hasSize(1);
        SmsText two = SmsEncoder.encode("a".repeat(161));
        assertThat(two.encoding()).isEqualTo("GSM7");
        assertThat(two.parts()).extracting(String::length).containsExactly(153, 8);
    }

    @Test
    void chineseTextsUseUcs2With70SingleAnd67PerPart() {
        assertThat(SmsEncoder.encode("派".repeat(70)).parts()).hasSize(1);
        SmsText text = SmsEncoder.encode("派".repeat(200));
        assertThat(text.encoding()).isEqualTo("UCS2");
        assertThat(text.length()).isEqualTo(200);
        assertThat(text.parts()).extracting(String::length).containsExactly(67, 67, 66);
        assertThat(String.join("", text.parts())).isEqualTo("派".repeat(200));
    }

    @Test
    void neverSplitsASurrogatePair() {
        String text = "派".repeat(66) + "😀" + "派".repeat(10);
        SmsText encoded = SmsEncoder.encode(text);
        assertThat(encoded.parts().get(0)).hasSize(66);
        assertThat(String.join("", encoded.parts())).isEqualTo(text);
    }
}
