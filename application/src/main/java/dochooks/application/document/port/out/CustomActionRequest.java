package dochooks.application.document.port.out;

/**
 * A {@code /customAction}: the action's name (one of {@code serviceInfo}'s custom actions) and the
 * document and document-version ids it applies to (null = not sent).
 */
public record CustomActionRequest(String name, String documentId, String documentVersionId) {
    public CustomActionRequest {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a custom action needs a name");
        }
    }
}
