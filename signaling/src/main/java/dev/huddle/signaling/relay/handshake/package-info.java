/** Who may relay: authentication of a connection from its WebSocket handshake, and room admission. */
package dev.huddle.signaling.relay.handshake;
