package dochooks.adapters.persistence;

/**
 * A stored secret or token does not open: its key id is not configured, or the value was altered or copied
 * from another row. Never expected in a sound deployment, so it is left to surface as an internal error.
 * The message names the table, column and key id, never key material or plaintext.
 */
final class SealedValueException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    SealedValueException(String message) {
        super(message);
    }
}
