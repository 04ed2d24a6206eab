package cn.hotline.support.outbox;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/** LISTENs for the outbox trigger's NOTIFY (sent on commit) and wakes the relay; reconnects forever. */
@ApplicationScoped
public class OutboxListener {

    private static final Logger LOG = Logger.getLogger(OutboxListener.class);
    static final String CHANNEL = "hotline_outbox";

    private final Vertx vertx;
    private final OutboxRelay relay;
    private final String url;
    private final String username;
    private final Optional<String> password;
    private PgSubscriber subscriber;

    public OutboxListener(Vertx vertx, OutboxRelay relay,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "postgres") String username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.relay = relay;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    // After the messaging wiring (default priority) has connected the relay's emitter.
    void start(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) StartupEvent event) {
        relay.start();
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(username);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1_000L);
        subscriber.channel(CHANNEL).handler(payload -> relay.drain());
        connect();
    }

    private void connect() {
        subscriber.connect().subscribe().with(ok -> relay.drain(), failure -> {
            LOG.warnf("outbox listener not connected (%s); the poll covers until it is", failure.toString());
            vertx.setTimer(1_000L, id -> connect());
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndAwait();
        }
    }
}
