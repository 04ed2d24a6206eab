package cn.hotline.intake;

import java.util.Map;

import cn.hotline.police.PoliceReceiver;
import cn.hotline.police.ReceiverConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Runs the stand-in 110 receiver in the test JVM on a free port and points intake's hand-over client at it. */
public class PoliceReceiverResource implements QuarkusTestResourceLifecycleManager {

    private static volatile PoliceReceiver receiver;

    /** The running receiver (tests stop and start it; they must leave it started). */
    static PoliceReceiver receiver() {
        return receiver;
    }

    @Override
    public Map<String, String> start() {
        receiver = PoliceReceiver.start(ReceiverConfig.randomPort());
        return Map.of("hotline.intake.police.receiver-url", receiver.url());
    }

    @Override
    public void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }
}
