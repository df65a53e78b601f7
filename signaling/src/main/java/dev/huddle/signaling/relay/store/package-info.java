/**
 * Persistence of relayed signals, chat, joins and leaves: the write-behind writer, and the reader a reconnecting
 * peer's replay and the relay's catch-up after a bus outage use.
 */
package dev.huddle.signaling.relay.store;
