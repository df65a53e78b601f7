package dev.huddle.signaling.relay.bus;

import dev.huddle.signaling.relay.wire.RelayMessage;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The bus over NATS core publish/subscribe, on subject {@code huddle.signaling.relay}: for deployments that run NATS
 * anyway, or whose relay traffic should not load the database. The client reconnects by itself, without end, and
 * subscribes again; what was published while it was disconnected is reported as an outage, from the disconnect on.
 * The connection refuses to echo this instance's own messages back to it.
 */
public final class NatsBus implements RelayBus {
    public static final String SUBJECT = "huddle.signaling.relay";
    private static final Logger LOG = LoggerFactory.getLogger(NatsBus.class);

    private final EnvelopeCodec codec;
    private Connection connection;
    private Dispatcher dispatcher;
    private volatile Receiver receiver;
    /** When the connection was lost; null while connected. Touched by the client's event thread only. */
    private Instant deafSince;

    private NatsBus(EnvelopeCodec codec) {
        this.codec = codec;
    }

    /**
     * Connects to the servers, or refuses to start: a configured NATS that cannot be reached would leave peers on
     * different instances unable to reach each other without a sign of it.
     */
    public static NatsBus connect(List<String> servers, UUID origin) {
        NatsBus bus = new NatsBus(new EnvelopeCodec(origin));
        Options options = new Options.Builder()
                .servers(servers.toArray(String[]::new))
                .connectionName("huddle-signaling-" + origin)
                .noEcho()
                .maxReconnects(-1)
                .connectionTimeout(Duration.ofSeconds(5))
                .connectionListener(bus::onConnectionEvent)
                .build();
        try {
            bus.connection = Nats.connect(options);
            return bus;
        } catch (IOException e) {
            throw new IllegalStateException("No NATS server answered at " + String.join(", ", servers) + " (" + e.getMessage()
                    + "): start NATS there, or remove huddle.signaling.nats.servers / nats.servers to relay through "
                    + "the database", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while connecting to NATS", e);
        }
    }

    @Override
    public void start(Receiver receiver) {
        this.receiver = receiver;
        dispatcher = connection.createDispatcher(message -> codec.decode(message.getData())
                .ifPresent(crossed -> receiver.receive(List.of(crossed))));
        dispatcher.subscribe(SUBJECT);
        try {
            // The subscription is in place on the server once the flush returns.
            connection.flush(Duration.ofSeconds(5));
        } catch (Exception e) {
            LOG.warn("NATS did not confirm the relay subscription within 5 s: {}", e.getMessage());
        }
    }

    /** The client's connection events: a disconnect starts an outage, the resubscription after a reconnect ends it. */
    private void onConnectionEvent(Connection ignored, ConnectionListener.Events event) {
        Receiver current = receiver;
        if (current == null) {
            return;
        }
        if (event == ConnectionListener.Events.DISCONNECTED && deafSince == null) {
            deafSince = Instant.now();
            current.deaf();
        } else if ((event == ConnectionListener.Events.RECONNECTED || event == ConnectionListener.Events.RESUBSCRIBED)
                && deafSince != null) {
            Instant since = deafSince;
            deafSince = null;
            LOG.info("NATS connection back; fetching what other instances relayed since {}", since);
            current.resumed(since);
        }
    }

    @Override
    public void publish(RelayMessage message, byte[] frame) {
        connection.publish(SUBJECT, codec.encode(message, frame));
    }

    @Override
    public boolean crossInstance() {
        return true;
    }

    @Override
    public String name() {
        return "nats";
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
