package dev.huddle.signaling.relay.bus;

import dev.huddle.signaling.relay.wire.RelayMessage;

import java.util.function.Consumer;

/**
 * Carries relayed messages between app instances. The relay delivers to its own connections itself; a bus only
 * brings each message to the other instances, which deliver it to theirs. Delivery is at most once and, from one
 * instance, in the order published; what a bus drops while disconnected, a reconnecting peer gets from the store.
 */
public interface RelayBus extends AutoCloseable {
    /** Starts handing messages published by other instances to the receiver; called once. */
    void start(Consumer<RelayMessage> receiver);

    /** Sends the message to the other instances without waiting for them. */
    void publish(RelayMessage message);

    /** Whether other instances may publish: a reconnect's replay then waits for their writers too. */
    boolean crossInstance();

    /** The name shown in the log and the README: {@code in-process}, {@code postgresql} or {@code nats}. */
    String name();

    @Override
    void close();
}
