package cn.hotline.console.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The operator's form becomes the contract's ticket shape; what does not parse goes on as text for intake to name. */
class CallFormTest {

    @Test
    void aFilledFormIsTheContractsTicket() {
        CallForm form = new CallForm();
        form.phone = "138 1234-5678";
        form.name = " 张三 ";
        form.urgent = "1";
        form.categoryCode = "020201";
        form.address = "安吉县昌硕街道";
        form.lat = "30.63";
        form.lon = "119.68";
        form.content = " 楼上噪声 ";
        ObjectNode t = form.toTicket();
        assertThat(t.path("channel").asText()).isEqualTo("PHONE");
        assertThat(t.path("kind").asText()).isEqualTo("COMPLAINT");
        assertThat(t.path("urgency").asText()).isEqualTo("URGENT");
        assertThat(t.path("caller").path("phone").asText()).isEqualTo("13812345678");
        assertThat(t.path("caller").path("name").asText()).isEqualTo("张三");
        assertThat(t.path("location").path("lat").isNumber()).isTrue();
        assertThat(t.path("content").asText()).isEqualTo("楼上噪声");
    }

    @Test
    void emptyFieldsAreLeftOutAndBadNumbersStayText() {
        CallForm form = new CallForm();
        form.content = "咨询";
        form.lat = "abc";
        ObjectNode t = form.toTicket();
        assertThat(t.has("caller")).isFalse();
        assertThat(t.has("categoryCode")).isFalse();
        assertThat(t.path("urgency").asText()).isEqualTo("NORMAL");
        assertThat(t.path("location").path("lat").isTextual()).as("intake answers 400 naming location.lat").isTrue();
    }
}
