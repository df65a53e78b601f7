package dev.huddle.authhmac;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.huddle.authhmac.AuthServer.Session;
import dev.huddle.testdatabases.MigratedDatabases;
import dev.huddle.testsupport.Engine;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With every logger at DEBUG and Huddle's own at TRACE, no session secret, server key, admin bootstrap token or
 * invitation token reaches the log, through any path a session or an invitation takes. (Micronaut's TRACE of {@code io.micronaut.context.env} prints every configuration value it
 * resolves, the database password included; README, "Signed requests", says never to turn it on in production.)
 */
@Isolated
class SecretsNotLoggedIT {
    @RegisterExtension
    static final MigratedDatabases DATABASES = MigratedDatabases.withModules(AuthHmacModule.NAME);

    @ParameterizedTest
    @EnumSource(Engine.class)
    void noSecretOrServerKeyAppearsInTheLog(Engine engine) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger huddle = (Logger) LoggerFactory.getLogger("dev.huddle");
        Level rootLevel = root.getLevel();
        Level huddleLevel = huddle.getLevel();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        root.setLevel(Level.DEBUG);
        huddle.setLevel(Level.TRACE);
        Session session;
        Session admin;
        String invitationToken;
        try (AuthServer server = AuthServer.startAsMigrated(DATABASES.fresh(engine))) {
            admin = server.createAdminSession();
            invitationToken = (String) server.signed(admin, "POST", "/api/admin/invitations",
                    server.json(Map.of("email", "ada@example.org"))).body().get("token");
            session = server.createSession(Map.of("name", "laptop", "deviceId", "device-1", "invitationToken", invitationToken));
            server.send("POST", "/api/sessions", server.json(Map.of("name", "again", "deviceId", "device-2",
                    "invitationToken", invitationToken)), Map.of());
            server.signed(session, "GET", "/api/sessions/current", new byte[0]);
            server.signed(new Session(session.id(), "wrong" + session.secret()), "GET", "/api/sessions/current", new byte[0]);
            server.send("GET", "/api/sessions/current", new byte[0], Map.of());
        } finally {
            root.setLevel(rootLevel);
            huddle.setLevel(huddleLevel);
            root.detachAppender(log);
        }

        String text = log.list.stream().map(event -> event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage())).collect(Collectors.joining("\n"));
        assertThat(log.list).as("the test saw the log at all").isNotEmpty();
        assertThat(invitationToken).isNotBlank();
        assertThat(text).doesNotContain(session.secret()).doesNotContain(AuthServer.SERVER_KEY).doesNotContain(admin.secret())
                .doesNotContain(AuthServer.ADMIN_TOKEN).doesNotContain(invitationToken);
    }
}
