package dev.huddle.signaling.relay.bus;

import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.signaling.relay.RelaySettings;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/**
 * Picks the bus ({@code huddle.signaling.bus}): {@code auto}, the default, takes NATS when servers are configured,
 * else LISTEN/NOTIFY on PostgreSQL, else in process (SQLite is one instance's file).
 */
@Factory
public class RelayBusFactory {
    private static final Logger LOG = LoggerFactory.getLogger(RelayBusFactory.class);

    @Singleton
    @Bean(preDestroy = "close")
    public RelayBus relayBus(RelaySettings settings, DatabaseTarget target) {
        UUID origin = UUID.randomUUID();
        List<String> natsServers = settings.natsServers();
        String choice = settings.bus();
        RelayBus bus = switch (choice) {
            case RelaySettings.AUTO -> !natsServers.isEmpty() ? NatsBus.connect(natsServers, origin)
                    : target.dialect() == Dialect.POSTGRESQL ? new PostgresNotifyBus(target, origin, settings.notifyInstantProbe())
                    : new InProcessBus();
            case "nats" -> {
                if (natsServers.isEmpty()) {
                    throw new IllegalStateException("huddle.signaling.bus=nats needs huddle.signaling.nats.servers (or "
                            + "nats.servers), e.g. nats://127.0.0.1:4222");
                }
                yield NatsBus.connect(natsServers, origin);
            }
            case "postgresql" -> {
                if (target.dialect() != Dialect.POSTGRESQL) {
                    throw new IllegalStateException("huddle.signaling.bus=postgresql needs the PostgreSQL database; this "
                            + "instance uses SQLite, which relays in process: remove the setting");
                }
                yield new PostgresNotifyBus(target, origin, settings.notifyInstantProbe());
            }
            case "in-process" -> new InProcessBus();
            default -> throw new IllegalStateException("huddle.signaling.bus is \"" + choice + "\": use auto, in-process, "
                    + "postgresql or nats");
        };
        LOG.info("Signaling relay bus: {}", bus.name());
        return bus;
    }
}
