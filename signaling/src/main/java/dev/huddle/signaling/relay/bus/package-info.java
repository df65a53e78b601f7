/** How a relayed message reaches the other app instances: in process, PostgreSQL LISTEN/NOTIFY, or NATS. */
package dev.huddle.signaling.relay.bus;
