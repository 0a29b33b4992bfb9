package dochooks.application.document.port.out;

import dochooks.domain.document.ProviderItemId;
import java.util.Objects;

/** A {@code /search}: the user's search text, the folder it started from (null = not sent) and a page. */
public record SearchQuery(String text, ProviderItemId parentId, Page page) {
    public SearchQuery {
        Objects.requireNonNull(text, "text");
        page = page == null ? Page.ALL : page;
    }
}
