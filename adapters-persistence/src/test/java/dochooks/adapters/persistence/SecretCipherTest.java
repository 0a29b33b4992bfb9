package dochooks.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.persistence.SecretCipher.AssociatedData;
import dochooks.adapters.persistence.SecretCipher.Sealed;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
    private static final String K1 = "k1:MTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTE=";
    private static final String K2 = "k2:MjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjI=";
    private static final AssociatedData ROW = AssociatedData.of("integrations", "secret", "acme", "id-1");
    private static final String SECRET = "sécret-값-🔑-value";

    private final SecretCipher cipher = new SecretCipher(EncryptionKeys.parse(K1));

    @Test
    void sealsUnderThePrimaryKeyAndOpensAgain() {
        Sealed sealed = cipher.encrypt(SECRET, ROW);

        assertEquals("k1", sealed.keyId());
        assertEquals(SECRET, cipher.decrypt(sealed, ROW));
        // nonce, then the UTF-8 ciphertext, then a 16-byte tag
        assertEquals(SecretCipher.NONCE_BYTES + SECRET.getBytes(StandardCharsets.UTF_8).length + 16,
                sealed.bytes().length);
    }

    @Test
    void sealingTwiceGivesDifferentBytes() {
        assertFalse(Arrays.equals(cipher.encrypt(SECRET, ROW).bytes(), cipher.encrypt(SECRET, ROW).bytes()));
    }

    @Test
    void aValueDoesNotOpenForAnotherRowTenantOrColumn() {
        Sealed sealed = cipher.encrypt(SECRET, ROW);

        for (AssociatedData elsewhere : new AssociatedData[] {
            AssociatedData.of("integrations", "secret", "acme", "id-2"),
            AssociatedData.of("integrations", "secret", "globex", "id-1"),
            AssociatedData.of("integrations", "token", "acme", "id-1"),
            AssociatedData.of("user_connections", "secret", "acme", "id-1"),
            // same characters, split otherwise: the length prefixes tell them apart
            AssociatedData.of("integrations", "secret", "acme|id", "-1"),
        }) {
            SealedValueException refused = assertThrows(SealedValueException.class,
                    () -> cipher.decrypt(sealed, elsewhere));
            assertFalse(refused.getMessage().contains(SECRET));
        }
    }

    @Test
    void anAlteredValueDoesNotOpen() {
        Sealed sealed = cipher.encrypt(SECRET, ROW);
        for (int position : new int[] {0, SecretCipher.NONCE_BYTES, sealed.bytes().length - 1}) {
            byte[] altered = sealed.bytes().clone();
            altered[position] ^= 1;

            assertThrows(SealedValueException.class, () -> cipher.decrypt(new Sealed("k1", altered), ROW));
        }
        assertThrows(SealedValueException.class, () -> cipher.decrypt(new Sealed("k1", new byte[20]), ROW));
    }

    @Test
    void anUnknownKeyIdFailsNamingItButNoKeyMaterial() {
        Sealed underK2 = new SecretCipher(EncryptionKeys.parse(K2)).encrypt(SECRET, ROW);

        SealedValueException refused = assertThrows(SealedValueException.class, () -> cipher.decrypt(underK2, ROW));

        assertTrue(refused.getMessage().contains("key id k2"), refused.getMessage());
        assertFalse(refused.getMessage().contains("MjIy") || refused.getMessage().contains("MTEx"));
        assertFalse(refused.getMessage().contains("acme"), "row keys (tenant ids) stay out of messages");
    }

    @Test
    void aRotatedKeySetOpensOldValuesAndSealsUnderTheNewKey() {
        Sealed old = cipher.encrypt(SECRET, ROW);
        SecretCipher rotated = new SecretCipher(EncryptionKeys.parse(K2 + "," + K1));

        assertEquals(SECRET, rotated.decrypt(old, ROW));
        assertEquals("k2", rotated.encrypt(SECRET, ROW).keyId());
        assertNotEquals(old.keyId(), rotated.encrypt(SECRET, ROW).keyId());
    }
}
