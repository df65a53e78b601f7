/** Persistence of relayed signals and chat: the write-behind writer and the reader a reconnecting peer's replay uses. */
package dev.huddle.signaling.relay.store;
