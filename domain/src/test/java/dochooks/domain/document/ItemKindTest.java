package dochooks.domain.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ItemKindTest {

    @Test
    void readsKindsIgnoringCase() {
        assertEquals(Optional.of(ItemKind.FILE), ItemKind.fromWireName("File"));
        assertEquals(Optional.of(ItemKind.FOLDER), ItemKind.fromWireName("FOLDER"));
        assertEquals(Optional.of(ItemKind.FOLDER), ItemKind.fromWireName(" folder "));
    }

    @Test
    void refusesOtherKinds() {
        assertTrue(ItemKind.fromWireName("directory").isEmpty());
        assertTrue(ItemKind.fromWireName("").isEmpty());
        assertTrue(ItemKind.fromWireName(null).isEmpty());
    }
}
