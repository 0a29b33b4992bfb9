package dochooks.application.document.testing;

import dochooks.domain.document.Item;
import dochooks.domain.document.ItemKind;
import dochooks.domain.document.ProviderItemId;
import java.time.Instant;

/** Provider items for tests. */
public final class Items {
    private Items() {
    }

    public static Item file(String id, String title) {
        return new Item(new ProviderItemId(id), title, ItemKind.FILE, null, null, "text/plain", null, 12L, false);
    }

    public static Item folder(String id, String title) {
        return folder(id, title, null);
    }

    public static Item folder(String id, String title, Instant dateModified) {
        return new Item(new ProviderItemId(id), title, ItemKind.FOLDER, null, null, null, dateModified, null, null);
    }
}
