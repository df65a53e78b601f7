/** The signaling relay: a WebSocket per room that relays SDP, ICE candidates and chat between peers, on one or many instances. */
package dev.huddle.signaling.relay;
