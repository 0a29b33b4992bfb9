package dochooks.domain.tenancy;

import dochooks.domain.validation.Text;

/** A company using dochooks; every read and write is scoped to one. 1–255 characters, no control characters. */
public record TenantId(String value) {
    public TenantId {
        Text.requirePlainText(value, 255);
    }

    @Override
    public String toString() {
        return value;
    }
}
