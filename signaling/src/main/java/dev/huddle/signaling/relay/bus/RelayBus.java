package dev.huddle.signaling.relay.bus;

import dev.huddle.signaling.relay.wire.RelayMessage;

import java.time.Instant;
import java.util.List;

/**
 * Carries relayed messages between app instances. The relay delivers to its own connections itself; a bus only
 * brings each message to the other instances, which deliver it to theirs. A bus delivers at most once and, from one
 * instance, in the order published; while its connection is down it delivers nothing, and it says so: the receiver
 * hears when the bus went deaf and when it listens again, and fetches what it missed from the store (the relay's
 * catch-up, README "Signaling relay"), which turns the bus's at most once into at least once.
 */
public interface RelayBus extends AutoCloseable {
    /** What a bus hands to its instance's relay. */
    interface Receiver {
        /**
         * Messages other instances published, in the order they arrived: everything the bus read at once (one
         * {@code getNotifications} on PostgreSQL, one message on NATS), so the relay hands each batch to its peers'
         * event loops in one go rather than one wake-up per message.
         */
        void receive(List<BusFrame> batch);

        /** The bus stopped receiving; called once per outage, before {@link #resumed}. */
        void deaf();

        /**
         * The bus receives again after receiving nothing since about {@code deafSince}: what other instances published
         * from shortly before then until now may never arrive through it.
         */
        void resumed(Instant deafSince);
    }

    /** Starts handing messages published by other instances, and outages, to the receiver; called once. */
    void start(Receiver receiver);

    /** Sends the message, with the frame written for it, to the other instances without waiting for them. */
    void publish(RelayMessage message, byte[] frame);

    /** Whether other instances may publish: a reconnect's replay then waits for their writers too. */
    boolean crossInstance();

    /** The name shown in the log and the README: {@code in-process}, {@code postgresql} or {@code nats}. */
    String name();

    @Override
    void close();
}
