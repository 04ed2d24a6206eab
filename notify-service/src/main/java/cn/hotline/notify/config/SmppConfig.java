package cn.hotline.notify.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The SMPP link to the SMSC (contract keys {@code notify.smpp.*}). */
@ConfigMapping(prefix = "notify.smpp")
public interface SmppConfig {

    @WithDefault("true")
    boolean enabled();

    String host();

    int port();

    String systemId();

    String password();

    /** The source address (service number) of every message. */
    @WithDefault("12345")
    String sourceAddress();

    /** How many submit_sm may wait for their response at once. */
    @WithDefault("10")
    int window();

    @WithDefault("PT30S")
    Duration enquireLinkInterval();

    @WithDefault("PT5S")
    Duration responseTimeout();

    @WithDefault("PT1S")
    Duration reconnectInitialBackoff();

    @WithDefault("PT60S")
    Duration reconnectMaxBackoff();

    @WithDefault("PT1S")
    Duration throttleBackoff();

    @WithDefault("3")
    int throttleRetries();
}
