package dochooks.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncryptionKeysTest {
    private static final String KEY_A = Base64.getEncoder().encodeToString(bytes(32, 'a'));
    private static final String KEY_B = Base64.getEncoder().encodeToString(bytes(32, 'b'));

    @Test
    void theFirstKeyEncryptsAndAllAreListedInOrder() {
        EncryptionKeys keys = EncryptionKeys.parse("2026-11.b:" + KEY_B + " , k_a:" + KEY_A);

        assertEquals("2026-11.b", keys.primaryKeyId());
        assertEquals(List.of("2026-11.b", "k_a"), List.copyOf(keys.keyIds()));
        assertEquals("AES", keys.key("k_a").orElseThrow().getAlgorithm());
        assertTrue(keys.key("k_c").isEmpty());
    }

    @Test
    void acceptsUrlSafeBase64WithoutPadding() {
        byte[] key = bytes(32, (char) 0xFB); // encodes with '-' and '_' in the URL-safe alphabet
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(key);

        assertEquals(EncryptionKeys.parse("k:" + Base64.getEncoder().encodeToString(key)).format(),
                EncryptionKeys.parse("k:" + urlSafe).format());
    }

    @Test
    void formatReadsBackAsTheSameKeys() {
        String spec = "k2:" + KEY_B + ",k1:" + KEY_A;

        assertEquals(spec, EncryptionKeys.parse(spec).format());
    }

    @Test
    void generatesAFreshUsableKeyEachTime() {
        EncryptionKeys first = EncryptionKeys.generate();
        EncryptionKeys second = EncryptionKeys.generate();

        assertTrue(first.primaryKeyId().matches("k[0-9]{8}-[0-9a-f]{6}"), first.primaryKeyId());
        assertNotEquals(first.format(), second.format());
        assertEquals(first.format(), EncryptionKeys.parse(first.format()).format());
    }

    @Test
    void toStringShowsKeyIdsButNoKeyMaterial() {
        String shown = EncryptionKeys.parse("k1:" + KEY_A + ",k2:" + KEY_B).toString();

        assertTrue(shown.contains("k1") && shown.contains("k2"), shown);
        assertFalse(shown.contains(KEY_A.substring(0, 8)) || shown.contains(KEY_B.substring(0, 8)), shown);
    }

    @Test
    void namesTheBadEntryWithoutShowingKeyMaterial() {
        assertRefused(null, "none given");
        assertRefused("  ", "none given");
        assertRefused("k1:" + KEY_A + "," + KEY_B, "entry 2 is not of the form kid:base64key");
        assertRefused("k1:" + KEY_A + ",," , "entry 2 is not of the form");
        assertRefused(KEY_A.substring(0, 10) + "!:" + KEY_B, "entry 1 has an invalid key id");
        assertRefused("k1:" + KEY_A + ",k2:" + KEY_B.substring(0, 20) + "***", "entry 2 (key id k2): the key is not valid base64");
        assertRefused("k1:" + Base64.getEncoder().encodeToString(bytes(16, 'c')),
                "entry 1 (key id k1): the key must be 32 bytes (AES-256), was 16");
        assertRefused("k1:" + KEY_A + ",k1:" + KEY_B, "entry 2 repeats key id k1");
        assertRefused("x".repeat(65) + ":" + KEY_A, "entry 1 has an invalid key id");
    }

    private static void assertRefused(String spec, String expected) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> EncryptionKeys.parse(spec));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
        assertFalse(refused.getMessage().contains(KEY_A.substring(0, 10)), refused.getMessage());
        assertFalse(refused.getMessage().contains(KEY_B.substring(0, 10)), refused.getMessage());
    }

    private static byte[] bytes(int length, char fill) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) fill);
        return bytes;
    }
}
