package dev.huddle.signaling.apikey;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The form of an API key: the id it carries, its hash, and what does not pass for a key. */
class ApiKeySecretsTest {

    @Test
    void aNewKeyCarriesItsIdAndA256BitSecret() {
        UUID id = UUID.randomUUID();
        String key = ApiKeySecrets.newKey(id);

        assertThat(key).matches("hk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}");
        assertThat(ApiKeySecrets.idOf(key)).contains(id);
        assertThat(ApiKeySecrets.newKey(id)).as("a new secret every time").isNotEqualTo(key);
    }

    @Test
    void theStoredHashIsTheLowercaseHexSha256OfTheWholeKey() {
        // SHA-256 of "abc", a published test vector.
        assertThat(ApiKeySecrets.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String key = ApiKeySecrets.newKey(UUID.randomUUID());

        assertThat(ApiKeySecrets.matches(key, ApiKeySecrets.hash(key))).isTrue();
        assertThat(ApiKeySecrets.matches(key + "x", ApiKeySecrets.hash(key))).isFalse();
        assertThat(ApiKeySecrets.matches(key, "not hex")).isFalse();
    }

    @Test
    void textWithoutTheFormOfAKeyNamesNoId() {
        String id = "0123456789abcdef0123456789abcdef";
        assertThat(ApiKeySecrets.idOf("hk_" + id + "_secret")).contains(UUID.fromString("01234567-89ab-cdef-0123-456789abcdef"));
        assertThat(ApiKeySecrets.idOf("hk_" + id + "_")).isEmpty();
        assertThat(ApiKeySecrets.idOf("hk_" + id + "xsecret")).isEmpty();
        assertThat(ApiKeySecrets.idOf("hk_0123456789abcdef0123456789abcdeg_secret")).isEmpty();
        assertThat(ApiKeySecrets.idOf("xx_" + id + "_secret")).isEmpty();
        assertThat(ApiKeySecrets.idOf("")).isEmpty();
        assertThat(ApiKeySecrets.idOf(null)).isEmpty();
    }
}
