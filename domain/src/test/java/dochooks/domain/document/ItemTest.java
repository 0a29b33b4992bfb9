package dochooks.domain.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ItemTest {

    private static Item file(String viewLink) {
        return new Item(new ProviderItemId("42"), "a.txt", ItemKind.FILE, viewLink, null, null, null, null, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://dms.example/view?id=42", "http://dms.example/v", "HTTPS://DMS.EXAMPLE/x"})
    void keepsWebLinks(String link) {
        assertEquals(link, file(link).viewLink());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "javascript:alert(1)", "data:text/html,x", "ftp://dms.example/x", "/relative/path",
            "https:///no-host", "https://bad host/x", "file:///etc/passwd", "mailto:a@b.example"})
    void dropsLinksThatAreNotWebLinks(String link) {
        assertNull(file(link).viewLink());
    }

    @Test
    void dropsOverlongLinks() {
        assertNull(file("https://dms.example/" + "a".repeat(Item.MAX_LINK_LENGTH)).viewLink());
    }

    @Test
    void turnsEmptyTextAndNegativeSizeIntoNull() {
        Item item = new Item(new ProviderItemId("1"), "  ", ItemKind.FOLDER, null, "", "", null, -1L, null);
        assertNull(item.title());
        assertNull(item.mimeType());
        assertNull(item.downloadLink());
        assertNull(item.size());
    }

    @Test
    void requiresIdAndKind() {
        assertThrows(NullPointerException.class,
                () -> new Item(null, "t", ItemKind.FILE, null, null, null, null, null, null));
        assertThrows(NullPointerException.class,
                () -> new Item(new ProviderItemId("1"), "t", null, null, null, null, null, null, null));
    }
}
