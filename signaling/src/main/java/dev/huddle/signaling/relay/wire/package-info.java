/** The relay's JSON frames: what a client sends, what it receives, and the ids that order them. */
package dev.huddle.signaling.relay.wire;
