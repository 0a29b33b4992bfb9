package dochooks.application.document.port.out;

import dochooks.domain.document.ProviderItemId;
import java.util.Objects;

/**
 * Where a new file goes ({@code /uploadInit}): the folder, the file name, and dochooks' own document and
 * document-version ids when known (null = not sent).
 */
public record UploadTarget(ProviderItemId parentId, String filename, String documentId, String documentVersionId) {
    public UploadTarget {
        Objects.requireNonNull(parentId, "parentId");
        if (filename == null || filename.isEmpty()) {
            throw new IllegalArgumentException("an upload needs a file name");
        }
    }
}
