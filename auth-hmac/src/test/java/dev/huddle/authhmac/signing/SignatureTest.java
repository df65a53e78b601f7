package dev.huddle.authhmac.signing;

import dev.huddle.authhmac.client.RequestSigner;
import dev.huddle.authhmac.client.SignedHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The signature scheme, pinned by the README's worked example so that the README cannot drift from the code. */
class SignatureTest {
    /** The README's worked example ("Signed requests"): change both together. */
    static final String SESSION = "3f2b8c1e-5d4a-4e6f-9a7b-2c1d0e9f8a7b";
    static final String SECRET = "9d1c7e0b5a3f4e2d8c6b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d";
    static final String METHOD = "POST";
    static final String PATH = "/api/meetings?notify=true";
    static final long TIMESTAMP = 1767225600L;
    static final String NONCE = "4f8a2c9e1b7d3f6a";
    static final String BODY = "{\"title\":\"Standup\"}";

    @Test
    void theWorkedExampleSignsToTheValueTheReadmeShows() {
        String canonical = Signature.canonicalRequest(METHOD, PATH, TIMESTAMP, NONCE, BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(canonical).isEqualTo("POST\n/api/meetings?notify=true\n1767225600\n4f8a2c9e1b7d3f6a\n" + README_BODY_HASH);
        assertThat(Signature.hmacHex(SECRET, canonical)).isEqualTo(README_SIGNATURE);
    }

    @Test
    void theSignerSendsWhatTheServerComputes() {
        SignedHeaders headers = new RequestSigner(SESSION, SECRET).sign(METHOD, PATH, BODY.getBytes(StandardCharsets.UTF_8),
                TIMESTAMP, NONCE);

        assertThat(headers.asMap()).containsEntry(SignatureHeaders.SESSION, SESSION)
                .containsEntry(SignatureHeaders.TIMESTAMP, "1767225600")
                .containsEntry(SignatureHeaders.NONCE, NONCE)
                .containsEntry(SignatureHeaders.SIGNATURE, README_SIGNATURE);
    }

    @Test
    void anEmptyBodyIsHashedAsNoBytes() {
        assertThat(Signature.sha256Hex(new byte[0])).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void signaturesMatchOnlyWhenEqual() {
        String signature = Signature.hmacHex(SECRET, "GET\n/api/x\n1\nnonce\nhash");

        assertThat(Signature.matches(signature, signature)).isTrue();
        assertThat(Signature.matches(signature, signature.toUpperCase())).isFalse();
        assertThat(Signature.matches(signature, signature.substring(1))).isFalse();
    }

    @Test
    void freshNoncesAreLongEnoughAndDiffer() {
        assertThat(RequestSigner.newNonce()).hasSize(32).isNotEqualTo(RequestSigner.newNonce());
    }

    /** Both values were computed independently of this code (Python's hashlib and hmac), not copied from its output. */
    static final String README_BODY_HASH = "ade5be1cd536e87b4c036dfe2fa590ee645b1f33877b6874dd9af812fa8a9d70";
    static final String README_SIGNATURE = "f0bc2e029f5a6ba22e211be0f1dc241618599a7716bb749a4520c74d5b116c9c";
}
