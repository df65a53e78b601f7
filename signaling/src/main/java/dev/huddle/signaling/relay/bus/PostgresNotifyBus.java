package dev.huddle.signaling.relay.bus;

import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.signaling.relay.wire.RelayMessage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The bus over the PostgreSQL every instance already shares (the default there): each message is NOTIFYed on
 * channel {@value #CHANNEL}, in parts when large ({@link NotifyChunks}), and every instance LISTENs on it.
 */
public final class PostgresNotifyBus implements RelayBus {
    public static final String CHANNEL = "huddle_signaling";

    private final EnvelopeCodec codec;
    private final NotifyPublisher publisher;
    private final NotifyListener listener;
    private final NotifyChunks chunks = new NotifyChunks();
    /** Every payload's key starts with its instance's id, so this instance skips its own without reading them. */
    private final String ownKeyPrefix;
    private volatile Receiver receiver;

    /** With pgjdbc's own sockets on the LISTEN connection. */
    public PostgresNotifyBus(DatabaseTarget target, UUID origin) {
        this(target, origin, false);
    }

    /** With {@code instantProbe}, the LISTEN connection is on {@link InstantProbeSocketFactory}'s sockets. */
    public PostgresNotifyBus(DatabaseTarget target, UUID origin, boolean instantProbe) {
        this.codec = new EnvelopeCodec(origin);
        this.ownKeyPrefix = origin + "/";
        this.publisher = new NotifyPublisher(target, CHANNEL);
        DatabaseTarget listening = instantProbe ? InstantProbeSocketFactory.appliedTo(target) : target;
        this.listener = new NotifyListener(listening, CHANNEL, this::onPayloads, new NotifyListener.Outages() {
            @Override
            public void lost() {
                chunks.clear();
                receiver.deaf();
            }

            @Override
            public void resumed(Instant deafSince) {
                receiver.resumed(deafSince);
            }
        });
    }

    @Override
    public void start(Receiver receiver) {
        this.receiver = receiver;
        listener.start();
    }

    @Override
    public void publish(RelayMessage message, byte[] frame) {
        String text = new String(codec.encode(message, frame), StandardCharsets.UTF_8);
        publisher.send(NotifyChunks.split(ownKeyPrefix + message.id(), text));
    }

    /**
     * One poll's payloads, handed on as one batch. Runs on the listener's thread only (as do the outage calls), so the
     * chunk buffer needs no lock.
     */
    private void onPayloads(List<String> payloads) {
        List<BusFrame> batch = new ArrayList<>(payloads.size());
        for (String payload : payloads) {
            if (!payload.startsWith(ownKeyPrefix)) {
                chunks.accept(payload).flatMap(text -> codec.decode(text.getBytes(StandardCharsets.UTF_8))).ifPresent(batch::add);
            }
        }
        if (!batch.isEmpty()) {
            receiver.receive(batch);
        }
    }

    /** Whether this instance is listening now. */
    public boolean listening() {
        return listener.listening();
    }

    @Override
    public boolean crossInstance() {
        return true;
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public void close() {
        publisher.close();
        listener.close();
    }
}
