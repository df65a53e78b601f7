package dev.huddle.signaling.relay.bus;

import dev.huddle.signaling.relay.wire.RelayMessage;

/**
 * The bus of a single instance (the SQLite default): every peer is connected to this process, where the relay has
 * already delivered each message, so there is nobody else to carry it to.
 */
public final class InProcessBus implements RelayBus {
    @Override
    public void start(Receiver receiver) {
        // Nothing arrives from elsewhere.
    }

    @Override
    public void publish(RelayMessage message, byte[] frame) {
        // Delivered in process by the relay already.
    }

    @Override
    public boolean crossInstance() {
        return false;
    }

    @Override
    public String name() {
        return "in-process";
    }

    @Override
    public void close() {
        // Holds nothing.
    }
}
