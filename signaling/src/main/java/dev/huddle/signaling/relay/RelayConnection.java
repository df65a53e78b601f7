package dev.huddle.signaling.relay;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One WebSocket connection's state while its handshake is checked off the event loop: frames that arrive first wait
 * here and are relayed, in order, once the peer is admitted; a connection that closes first is never opened.
 */
final class RelayConnection {
    private RelayPeer peer;
    private List<String> early = new ArrayList<>();
    private boolean over;

    /** A frame from the client: relayed now, or once admitted; dropped after a refusal or close. */
    synchronized void frame(String text, RoomRelay relay) {
        if (peer != null) {
            relay.receive(peer, text);
        } else if (!over) {
            early.add(text);
        }
    }

    /** The handshake passed: the peer joins, then its early frames are relayed. */
    synchronized void admit(RelayPeer admitted, UUID since, RoomRelay relay) {
        if (over) {
            return;
        }
        peer = admitted;
        relay.open(peer, since);
        for (String text : early) {
            relay.receive(peer, text);
        }
        early = null;
    }

    synchronized void refuse() {
        over = true;
        early = null;
    }

    /** The socket closed: the peer leaves if it had joined. */
    synchronized void close(RoomRelay relay) {
        over = true;
        early = null;
        if (peer != null) {
            relay.close(peer);
            peer = null;
        }
    }
}
