package cn.hotline.smsc;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.SMPPServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends deliver_sm to a bound ESME: delivery receipts and mobile-originated messages. */
final class DeliverySender {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverySender.class);
    private static final DateTimeFormatter RECEIPT_DATE = DateTimeFormatter.ofPattern("yyMMddHHmm");
    private static final byte MESSAGE_STATE_DELIVERED = 2;

    private final SimulatorConfig config;
    private final Clock clock;

    DeliverySender(SimulatorConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** The standard receipt text (SMPP 3.4 appendix B): {@code id:... sub:001 dlvrd:001 ... stat:DELIVRD err:000 text:...}. */
    String receiptText(String messageId, MessageStore.ReceivedPart part) {
        String submitted = RECEIPT_DATE.format(part.receivedAt().atZone(ZoneId.of("Asia/Shanghai")));
        String done = RECEIPT_DATE.format(clock.instant().atZone(ZoneId.of("Asia/Shanghai")));
        String text = ShortMessageCodec.decode(part.part().body(), part.dataCoding());
        String ascii = text.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? text : "";
        return "id:" + messageId + " sub:001 dlvrd:001 submit date:" + submitted + " done date:" + done
                + " stat:DELIVRD err:000 text:" + ascii.substring(0, Math.min(20, ascii.length()));
    }

    void receipt(SMPPServerSession session, String messageId, MessageStore.ReceivedPart part) {
        if (session == null) {
            LOG.info("receipt for {} dropped: no receiver bound", messageId);
            return;
        }
        try {
            session.deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, part.destination(),
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, part.source(),
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), GeneralDataCoding.DEFAULT,
                    receiptText(messageId, part).getBytes(StandardCharsets.US_ASCII),
                    new OptionalParameter.Receipted_message_id(messageId),
                    new OptionalParameter.Message_state(MESSAGE_STATE_DELIVERED));
        } catch (Exception e) {
            LOG.info("receipt for {} not delivered: {}", messageId, e.toString());
        }
    }

    boolean mo(SMPPServerSession session, String from, String text) {
        ShortMessageCodec.Encoded encoded = ShortMessageCodec.encode(text);
        try {
            session.deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, from,
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, config.serviceNumber(), new ESMClass(),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0),
                    encoded.dataCoding() == 8 ? DataCodings.newInstance((byte) 8) : GeneralDataCoding.DEFAULT,
                    encoded.bytes());
            LOG.info("MO from {} delivered", SmppEndpoint.mask(from));
            return true;
        } catch (Exception e) {
            LOG.info("MO from {} not delivered: {}", SmppEndpoint.mask(from), e.toString());
            return false;
        }
    }
}
