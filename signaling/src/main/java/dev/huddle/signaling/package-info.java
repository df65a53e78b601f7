/** The signaling module: WebRTC signaling: rooms, users, messages, ICE candidates, SDP signals, bans, moderators and API keys. */
package dev.huddle.signaling;
