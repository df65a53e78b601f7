package dev.huddle.authhmac;

import dev.huddle.authhmac.AuthServer.Answer;
import dev.huddle.authhmac.AuthServer.Session;
import dev.huddle.authhmac.crypto.SecretCipher;
import dev.huddle.authhmac.session.ClientSession;
import dev.huddle.authhmac.session.ClientSessionRepository;
import dev.huddle.testdatabases.MigratedDatabases;
import dev.huddle.testsupport.Engine;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static dev.huddle.authhmac.AuthServer.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/sessions and what it stores, on both engines. */
class ClientSessionsIT {
    @RegisterExtension
    static final MigratedDatabases DATABASES = MigratedDatabases.withModules(AuthHmacModule.NAME);

    @ParameterizedTest
    @EnumSource(Engine.class)
    void createsASessionForADeviceAndStoresItsSecretOnlyEncrypted(Engine engine) {
        try (AuthServer server = AuthServer.start(DATABASES.fresh(engine))) {
            Instant before = Instant.now().minusSeconds(1);
            Session session = server.createSession("Ada's laptop", "device-7");

            assertThat(session.secret()).matches("[0-9a-f]{64}");
            ClientSession row = server.context().getBean(ClientSessionRepository.class).findById(UUID.fromString(session.id()))
                    .orElseThrow();
            assertThat(row.clientId()).isEqualTo("Ada's laptop");
            assertThat(row.deviceId()).isEqualTo("device-7");
            assertThat(row.expiresAt()).isBetween(before.plus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(30)));
            assertThat(new String(row.secretCiphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(session.secret());
            assertThat(server.context().getBean(SecretCipher.class).decrypt(row.id(), row.secretCiphertext()))
                    .asString(StandardCharsets.UTF_8).isEqualTo(session.secret());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everySessionGetsItsOwnIdAndSecret(Engine engine) {
        try (AuthServer server = AuthServer.start(DATABASES.fresh(engine))) {
            Session first = server.createSession("laptop", "device-1");
            Session second = server.createSession("laptop", "device-1");

            assertThat(second.id()).isNotEqualTo(first.id());
            assertThat(second.secret()).isNotEqualTo(first.secret());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesARequestWithoutDeviceOrNameAndStoresNothing(Engine engine) {
        try (AuthServer server = AuthServer.start(DATABASES.fresh(engine))) {
            Answer noDevice = server.send("POST", "/api/sessions", server.json(Map.of("name", "laptop")), Map.of());
            Answer noName = server.send("POST", "/api/sessions", server.json(Map.of("deviceId", "d")), Map.of());
            Answer tooLong = server.send("POST", "/api/sessions", server.json(Map.of("deviceId", "d", "name", "n".repeat(201))),
                    Map.of());
            Answer notJson = server.send("POST", "/api/sessions", utf8("{"), Map.of());

            assertThat(noDevice.status()).isEqualTo(400);
            assertThat((String) noDevice.body().get("message")).contains("deviceId");
            assertThat(noName.status()).isEqualTo(400);
            assertThat((String) noName.body().get("message")).contains("name");
            assertThat(tooLong.status()).isEqualTo(400);
            assertThat(notJson.status()).isEqualTo(400);
            assertThat(server.context().getBean(ClientSessionRepository.class).count()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theSessionLifetimeIsConfigurable(Engine engine) {
        try (AuthServer server = AuthServer.start(DATABASES.fresh(engine),
                Map.of("huddle.auth.server-key", AuthServer.SERVER_KEY, "huddle.auth.session-ttl", "2h"))) {
            Session session = server.createSession("laptop", "device-1");

            ClientSession row = server.context().getBean(ClientSessionRepository.class).findById(UUID.fromString(session.id()))
                    .orElseThrow();
            assertThat(Duration.between(row.createdAt(), row.expiresAt())).isEqualTo(Duration.ofHours(2));
        }
    }
}
