package cn.hotline.smsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator over real SMPP (a jSMPP client) and its HTTP view. */
class SmscSimulatorTest {

    private SmscSimulator simulator;
    private SMPPSession client;
    private final List<DeliverSm> delivered = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        simulator = SmscSimulator.start(SimulatorConfig.randomPorts().withCredentials("notify", "secret"));
        client = bind("secret");
    }

    @AfterEach
    void stop() {
        client.unbindAndClose();
        simulator.close();
    }

    private SMPPSession bind(String password) throws Exception {
        SMPPSession session = new SMPPSession();
        session.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) {
                delivered.add(deliverSm);
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {
            }

            @Override
            public DataSmResult onAcceptDataSm(org.jsmpp.bean.DataSm dataSm, Session source) {
                return null;
            }
        });
        session.connectAndBind("127.0.0.1", simulator.smppPort(), new BindParameter(BindType.BIND_TRX, "notify",
                password, "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 5000);
        return session;
    }

    private String submit(byte[] body, byte dataCoding, boolean udhi) throws Exception {
        ESMClass esm = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT,
                udhi ? GSMSpecificFeature.UDHI : GSMSpecificFeature.DEFAULT);
        return client.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "12345",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "13900001111", esm, (byte) 0, (byte) 1, null,
                null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                DataCodings.newInstance(dataCoding), (byte) 0, body).getMessageId();
    }

    @Test
    void storesATextAndSendsAReceiptWithItsId() throws Exception {
        String id = submit("Hello 12345".getBytes(StandardCharsets.US_ASCII), (byte) 0, false);

        assertThat(simulator.messages()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(id);
            assertThat(m.destination()).isEqualTo("13900001111");
            assertThat(m.text()).isEqualTo("Hello 12345");
            assertThat(m.segments()).isEqualTo(1);
        });
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !delivered.isEmpty());
        DeliverSm receipt = delivered.get(0);
        assertThat(receipt.isSmscDeliveryReceipt()).isTrue();
        assertThat(receipt.getShortMessageAsDeliveryReceipt().getId()).isEqualTo(id);
        assertThat(new String(receipt.getShortMessage(), StandardCharsets.US_ASCII)).contains("stat:DELIVRD");
    }

    @Test
    void reassemblesConcatenatedUcs2Parts() throws Exception {
        String first = "【湖州12345】您有一条新的派单";
        String second = "，请尽快签收。";
        submit(part(first, 7, 2, 1), (byte) 8, true);
        assertThat(simulator.messages()).as("incomplete until the last part").isEmpty();
        submit(part(second, 7, 2, 2), (byte) 8, true);

        assertThat(simulator.messages()).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo(first + second);
            assertThat(m.segments()).isEqualTo(2);
            assertThat(m.dataCoding()).isEqualTo(8);
            assertThat(m.partIds()).hasSize(2);
        });
    }

    private static byte[] part(String text, int ref, int total, int seq) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16BE);
        byte[] out = new byte[6 + body.length];
        out[0] = 5;
        out[1] = 0;
        out[2] = 3;
        out[3] = (byte) ref;
        out[4] = (byte) total;
        out[5] = (byte) seq;
        System.arraycopy(body, 0, out, 6, body.length);
        return out;
    }

    @Test
    void injectsAMobileOriginatedReplyAndServesTheHttpView() throws Exception {
        submit("ping".getBytes(StandardCharsets.US_ASCII), (byte) 0, false);
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + simulator.httpPort();
        HttpResponse<String> mo = http.send(HttpRequest.newBuilder(URI.create(base + "/mo"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"13800000000\",\"text\":\"签收\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(mo.statusCode()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> delivered.stream().anyMatch(d -> !d.isSmscDeliveryReceipt()));
        DeliverSm reply = delivered.stream().filter(d -> !d.isSmscDeliveryReceipt()).findFirst().orElseThrow();
        assertThat(reply.getSourceAddr()).isEqualTo("13800000000");
        assertThat(new String(reply.getShortMessage(), StandardCharsets.UTF_16BE)).isEqualTo("签收");

        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(base + "/messages")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(list.body()).contains("\"destination\":\"13900001111\"").contains("\"text\":\"ping\"");
        http.send(HttpRequest.newBuilder(URI.create(base + "/messages")).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        assertThat(simulator.messages()).isEmpty();
    }

    @Test
    void throttlesOnRequestAndRefusesAWrongPassword() throws Exception {
        simulator.throttle(true);
        assertThatThrownBy(() -> submit("x".getBytes(StandardCharsets.US_ASCII), (byte) 0, false))
                .isInstanceOfSatisfying(NegativeResponseException.class,
                        e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RTHROTTLED));
        simulator.throttle(false);
        assertThat(submit("y".getBytes(StandardCharsets.US_ASCII), (byte) 0, false)).isNotBlank();

        assertThatThrownBy(() -> bind("wrong")).isInstanceOf(java.io.IOException.class);
        assertThat(simulator.boundSystemIds()).containsExactly("notify");
    }

    @Test
    void restartsOnTheSamePort() throws Exception {
        int port = simulator.smppPort();
        simulator.stopSmpp();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !client.getSessionState().isBound());
        simulator.startSmpp();
        assertThat(simulator.smppPort()).isEqualTo(port);
        client = bind("secret");
        assertThat(submit("back".getBytes(StandardCharsets.US_ASCII), (byte) 0, false)).isNotBlank();
    }
}
