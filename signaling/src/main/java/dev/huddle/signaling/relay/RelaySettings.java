package dev.huddle.signaling.relay;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;

/**
 * The relay's settings (README, "Signaling relay"): {@code huddle.signaling.bus} ({@code auto}, {@code in-process},
 * {@code postgresql}, {@code nats}), {@code huddle.signaling.nats.servers} (else Micronaut's {@code nats.servers}),
 * {@code huddle.signaling.replay-delay}, {@code huddle.signaling.replay-limit}, {@code huddle.signaling.catch-up-margin}
 * and {@code huddle.signaling.notify-instant-probe}.
 */
@Singleton
public class RelaySettings {
    public static final String AUTO = "auto";

    private final String bus;
    private final Duration replayDelay;
    private final int replayLimit;
    private final Duration catchUpMargin;
    private final List<String> natsServers;
    private final boolean notifyInstantProbe;

    public RelaySettings(@Value("${huddle.signaling.bus:auto}") String bus,
                         @Value("${huddle.signaling.replay-delay:150ms}") Duration replayDelay,
                         @Value("${huddle.signaling.replay-limit:1000}") int replayLimit,
                         @Value("${huddle.signaling.catch-up-margin:10s}") Duration catchUpMargin,
                         @Value("${huddle.signaling.notify-instant-probe:true}") boolean notifyInstantProbe,
                         Environment environment) {
        if (replayDelay.isNegative()) {
            throw new IllegalStateException("huddle.signaling.replay-delay is negative (" + replayDelay + "): use 0 or more, "
                    + "e.g. 150ms");
        }
        if (replayLimit < 1) {
            throw new IllegalStateException("huddle.signaling.replay-limit is " + replayLimit + ": use 1 or more, e.g. 1000");
        }
        if (catchUpMargin.isNegative()) {
            throw new IllegalStateException("huddle.signaling.catch-up-margin is negative (" + catchUpMargin + "): use 0 or "
                    + "more, e.g. 10s");
        }
        this.catchUpMargin = catchUpMargin;
        this.notifyInstantProbe = notifyInstantProbe;
        this.bus = bus.strip();
        this.replayDelay = replayDelay;
        this.replayLimit = replayLimit;
        Argument<List<String>> list = Argument.listOf(String.class);
        this.natsServers = environment.getProperty("huddle.signaling.nats.servers", list)
                .or(() -> environment.getProperty("nats.servers", list))
                .map(servers -> servers.stream().map(String::strip).filter(server -> !server.isEmpty()).toList())
                .orElse(List.of());
    }

    public String bus() {
        return bus;
    }

    /**
     * How long a reconnect's replay waits, on a shared bus, for other instances to store what they relayed just
     * before: longer than their writers take for one batch.
     */
    public Duration replayDelay() {
        return replayDelay;
    }

    /** At most this many missed messages are replayed on a reconnect (oldest first). */
    public int replayLimit() {
        return replayLimit;
    }

    /**
     * How far before a bus outage began the relay's catch-up reads the store: longer than a message can take from
     * being relayed on one instance to being published on the bus (the publisher's queue under load).
     */
    public Duration catchUpMargin() {
        return catchUpMargin;
    }

    public List<String> natsServers() {
        return natsServers;
    }

    /**
     * Whether the LISTEN connection answers pgjdbc's 1 ms "anything more?" read at once
     * ({@code InstantProbeSocketFactory}); on by default, {@code false} gives pgjdbc's own wait back (bench/RESULTS.md,
     * Z9-relay).
     */
    public boolean notifyInstantProbe() {
        return notifyInstantProbe;
    }
}
