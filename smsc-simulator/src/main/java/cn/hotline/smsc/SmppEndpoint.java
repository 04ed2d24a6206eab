package cn.hotline.smsc;

import java.io.IOException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

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
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;
import org.jsmpp.PDUStringException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SMPP side of the simulator: accepts binds, stores submit_sm, answers ids, sends receipts and MO messages. */
final class SmppEndpoint implements ServerMessageReceiverListener, ServerResponseDeliveryListener {

    private static final Logger LOG = LoggerFactory.getLogger(SmppEndpoint.class);

    private final SimulatorConfig config;
    private final MessageStore store;
    private final Clock clock;
    private final Set<SMPPServerSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<SMPPServerSession, String> systemIds = new ConcurrentHashMap<>();
    private final Map<String, MessageStore.ReceivedPart> receiptsDue = new ConcurrentHashMap<>();
    private final DeliverySender sender;
    private volatile boolean throttled;
    private volatile SMPPServerSessionListener listener;
    private volatile ExecutorService executor;
    private volatile int port = -1;

    SmppEndpoint(SimulatorConfig config, MessageStore store, Clock clock) {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.sender = new DeliverySender(config, clock);
    }

    /** Starts listening on {@code requestedPort} (0 = any free port, or the port used before a restart). */
    synchronized void start(int requestedPort) throws IOException {
        if (listener != null) {
            return;
        }
        LoopbackServerConnectionFactory factory = new LoopbackServerConnectionFactory(config.host());
        SMPPServerSessionListener server = new SMPPServerSessionListener(requestedPort, factory);
        server.setMessageReceiverListener(this);
        server.setResponseDeliveryListener(this);
        port = factory.boundPort();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "smsc-sim-" + port);
            t.setDaemon(true);
            return t;
        });
        listener = server;
        ExecutorService own = executor;
        own.execute(() -> acceptLoop(server, own));
        LOG.info("SMSC simulator listening for SMPP on {}:{}", config.host(), port);
    }

    /** Closes the listener and every session abruptly, as a crashing SMSC would. */
    synchronized void stop() {
        if (listener == null) {
            return;
        }
        SMPPServerSessionListener closing = listener;
        listener = null;
        try {
            closing.close();
        } catch (IOException e) {
            LOG.debug("closing listener", e);
        }
        sessions.forEach(SMPPServerSession::close);
        sessions.clear();
        systemIds.clear();
        executor.shutdownNow();
        LOG.info("SMSC simulator SMPP side stopped (port {})", port);
    }

    boolean running() {
        return listener != null;
    }

    int port() {
        return port;
    }

    void throttle(boolean on) {
        throttled = on;
    }

    boolean throttled() {
        return throttled;
    }

    /** The system ids of the sessions currently bound. */
    List<String> boundSystemIds() {
        return sessions.stream().filter(s -> s.getSessionState().isBound()).map(systemIds::get)
                .filter(Objects::nonNull).toList();
    }

    private void acceptLoop(SMPPServerSessionListener server, ExecutorService own) {
        while (!own.isShutdown()) {
            try {
                SMPPServerSession session = server.accept();
                own.execute(() -> bind(session));
            } catch (IOException e) {
                if (listener == server) {
                    LOG.warn("accept failed: {}", e.toString());
                }
                return;
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(10_000);
            boolean anyone = config.systemId() == null;
            boolean valid = anyone || (config.systemId().equals(request.getSystemId())
                    && Objects.equals(config.password(), request.getPassword()));
            if (!valid) {
                LOG.info("bind refused for system id '{}'", request.getSystemId());
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
                return;
            }
            request.accept("HZSMSC");
            sessions.add(session);
            systemIds.put(session, request.getSystemId());
            session.addSessionStateListener((newState, oldState, source) -> {
                if (!newState.isBound()) {
                    sessions.remove(session);
                    systemIds.remove(session);
                }
            });
            LOG.info("bound {} as {}", request.getSystemId(), request.getBindType());
        } catch (TimeoutException | IllegalStateException | IOException | PDUStringException e) {
            LOG.info("no bind on a new connection: {}", e.toString());
            session.close();
        }
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
        MessageStore.ReceivedPart received = new MessageStore.ReceivedPart(id, systemIds.get(session),
                submitSm.getSourceAddr(), submitSm.getDestAddress(), submitSm.getDataCoding() & 0xff, receipt, part,
                clock.instant());
        StoredMessage complete = store.add(received);
        if (complete != null) {
            LOG.info("message {} to {}: {} segment(s)", complete.id(), mask(complete.destination()), complete.segments());
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
        ExecutorService own = executor;
        if (due != null && own != null && !own.isShutdown()) {
            own.execute(() -> sender.receipt(receiver(session, due.systemId()), result.getMessageId(), due));
        }
    }

    /** Delivers a mobile-originated message to the most recently bound receiver; false when none is bound. */
    boolean injectMo(String from, String text) {
        SMPPServerSession target = receiver(null, null);
        return target != null && sender.mo(target, from, text);
    }

    private SMPPServerSession receiver(SMPPServerSession preferred, String systemId) {
        if (preferred != null && preferred.getSessionState().isReceivable()) {
            return preferred;
        }
        return sessions.stream().filter(s -> s.getSessionState().isReceivable())
                .filter(s -> systemId == null || systemId.equals(systemIds.get(s)))
                .max(Comparator.comparingLong(Session::getLastActivityTimestamp)).orElse(null);
    }

    static String mask(String phone) {
        return phone == null || phone.length() < 7 ? phone : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
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
