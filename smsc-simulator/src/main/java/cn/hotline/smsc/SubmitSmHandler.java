package cn.hotline.smsc;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PDUs an ESME sends: stores each submit_sm part, answers its message id (or a throttling error), sends the
 * receipt once the answer is out; every other request is refused as unsupported.
 */
final class SubmitSmHandler implements ServerMessageReceiverListener, ServerResponseDeliveryListener {

    private static final Logger LOG = LoggerFactory.getLogger(SubmitSmHandler.class);

    private final MessageStore store;
    private final Clock clock;
    private final BoundSessions sessions;
    private final DeliverySender sender;
    private final Supplier<ExecutorService> executor;
    private final Map<String, MessageStore.ReceivedPart> receiptsDue = new ConcurrentHashMap<>();
    private volatile boolean throttled;

    /** {@code executor} gives the endpoint's current executor (a new one after each restart), or null. */
    SubmitSmHandler(MessageStore store, Clock clock, BoundSessions sessions, DeliverySender sender,
            Supplier<ExecutorService> executor) {
        this.store = store;
        this.clock = clock;
        this.sessions = sessions;
        this.sender = sender;
        this.executor = executor;
    }

    void throttle(boolean on) {
        throttled = on;
    }

    boolean throttled() {
        return throttled;
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession session) throws ProcessRequestException {
        if (throttled) {
            throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
        }
        byte[] body = submitSm.getShortMessage();
        if ((body == null || body.length == 0)
                && submitSm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD) instanceof OptionalParameter.OctetString payload) {
            body = payload.getValue();
        }
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        ShortMessageCodec.Part part = ShortMessageCodec.split(body == null ? new byte[0] : body, submitSm.isUdhi());
        part = sarPart(submitSm, part);
        boolean receipt = (submitSm.getRegisteredDelivery() & 0x03) != 0;
        MessageStore.ReceivedPart received = new MessageStore.ReceivedPart(id, sessions.systemId(session),
                submitSm.getSourceAddr(), submitSm.getDestAddress(), submitSm.getDataCoding() & 0xff, receipt, part,
                clock.instant());
        StoredMessage complete = store.add(received);
        if (complete != null) {
            LOG.info("message {} to {}: {} segment(s)", complete.id(), SmppEndpoint.mask(complete.destination()), complete.segments());
        }
        if (receipt) {
            receiptsDue.put(id, received);
        }
        try {
            return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
        } catch (PDUStringException e) {
            throw new ProcessRequestException("bad message id", SMPPConstant.STAT_ESME_RSYSERR, e);
        }
    }

    /** SAR optional parameters, the TLV way of concatenation, when there was no UDH. */
    private static ShortMessageCodec.Part sarPart(SubmitSm submitSm, ShortMessageCodec.Part part) {
        if (part.total() > 1
                || !(submitSm.getOptionalParameter(OptionalParameter.Tag.SAR_MSG_REF_NUM) instanceof OptionalParameter.Short ref)
                || !(submitSm.getOptionalParameter(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS) instanceof OptionalParameter.Byte total)
                || !(submitSm.getOptionalParameter(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM) instanceof OptionalParameter.Byte seq)) {
            return part;
        }
        return new ShortMessageCodec.Part(ref.getValue() & 0xffff, total.getValue() & 0xff, seq.getValue() & 0xff, part.body());
    }

    @Override
    public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession session) {
        MessageStore.ReceivedPart due = receiptsDue.remove(result.getMessageId());
        ExecutorService own = executor.get();
        if (due != null && own != null && !own.isShutdown()) {
            own.execute(() -> sender.receipt(sessions.receiver(session, due.systemId()), result.getMessageId(), due));
        }
    }

    @Override
    public void onSubmitSmRespError(SubmitSmResult result, Exception e, SMPPServerSession session) {
        receiptsDue.remove(result.getMessageId());
    }

    @Override
    public void onSubmitMultiRespSent(SubmitMultiResult result, SMPPServerSession session) {
    }

    @Override
    public void onSubmitMultiRespError(SubmitMultiResult result, Exception e, SMPPServerSession session) {
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession session) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession session) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession session) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession session) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession session) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession session) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession session) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw unsupported();
    }

    private static ProcessRequestException unsupported() {
        return new ProcessRequestException("not supported by the simulator", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
