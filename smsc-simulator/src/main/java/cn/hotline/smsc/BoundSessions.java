package cn.hotline.smsc;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SMPP sessions bound to the simulator and the system id each bound as: who may submit, who receives. */
final class BoundSessions {

    private static final Logger LOG = LoggerFactory.getLogger(BoundSessions.class);

    private final SimulatorConfig config;
    private final Set<SMPPServerSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<SMPPServerSession, String> systemIds = new ConcurrentHashMap<>();

    BoundSessions(SimulatorConfig config) {
        this.config = config;
    }

    /** Waits for the bind on a new connection and accepts it when the credentials match (any, when none are configured). */
    void bind(SMPPServerSession session) {
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

    /** The system id {@code session} bound as, or null. */
    String systemId(SMPPServerSession session) {
        return systemIds.get(session);
    }

    /** The system ids of the sessions currently bound. */
    List<String> boundSystemIds() {
        return sessions.stream().filter(s -> s.getSessionState().isBound()).map(systemIds::get)
                .filter(Objects::nonNull).toList();
    }

    /**
     * {@code preferred} when it can receive, else the most recently active receiving session (of {@code systemId}
     * when given); null when none can receive.
     */
    SMPPServerSession receiver(SMPPServerSession preferred, String systemId) {
        if (preferred != null && preferred.getSessionState().isReceivable()) {
            return preferred;
        }
        return sessions.stream().filter(s -> s.getSessionState().isReceivable())
                .filter(s -> systemId == null || systemId.equals(systemIds.get(s)))
                .max(Comparator.comparingLong(Session::getLastActivityTimestamp)).orElse(null);
    }

    /** Closes every session and forgets them. */
    void closeAll() {
        sessions.forEach(SMPPServerSession::close);
        sessions.clear();
        systemIds.clear();
    }
}
