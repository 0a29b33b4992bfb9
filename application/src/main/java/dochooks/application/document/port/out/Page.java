package dochooks.application.document.port.out;

/**
 * The optional {@code max} and {@code offset} of a listing or search, passed through to the provider when
 * given (null = not sent). dochooks never assumes the provider honours them.
 */
public record Page(Long max, Long offset) {
    public static final Page ALL = new Page(null, null);

    public Page {
        if (max != null && max < 0) {
            throw new IllegalArgumentException("max must not be negative, was " + max);
        }
        if (offset != null && offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
    }
}
