package cn.hotline.notify.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;

/**
 * Reads what the SMSC delivers: receipts (esm_class receipt flag) by message id, and mobile-originated texts.
 * Both are stored before this returns, so the deliver_sm is answered only once the message is safe.
 */
@ApplicationScoped
public class SmppReceiver implements MessageReceiverListener {

    private static final Logger LOG = Logger.getLogger(SmppReceiver.class);

    private final InboundListener listener;

    public SmppReceiver(InboundListener listener) {
        this.listener = listener;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        try {
            if (deliverSm.isSmscDeliveryReceipt()) {
                DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
                String id = receipt.getId();
                if (deliverSm.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID)
                        instanceof OptionalParameter.COctetString receipted) {
                    id = receipted.getValueAsString();
                }
                Instant done = receipt.getDoneDate() == null ? null : receipt.getDoneDate().toInstant();
                listener.onReceipt(id, String.valueOf(receipt.getFinalStatus()), done);
            } else {
                byte[] body = deliverSm.getShortMessage() == null ? new byte[0] : deliverSm.getShortMessage();
                String text = (deliverSm.getDataCoding() & 0xff) == 0x08 ? new String(body, StandardCharsets.UTF_16BE)
                        : new String(body, StandardCharsets.ISO_8859_1);
                listener.onMobileOriginated(deliverSm.getSourceAddr(), text);
            }
        } catch (RuntimeException | org.jsmpp.util.InvalidDeliveryReceiptException e) {
            LOG.warnf("deliver_sm not processed: %s", e.toString());
            // A system error makes the SMSC deliver it again later instead of losing it.
            throw new ProcessRequestException("not processed", SMPPConstant.STAT_ESME_RSYSERR, e);
        }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
