package dochooks.domain.tenancy;

import dochooks.domain.validation.Text;

/** A user inside a tenant (the token's {@code sub}). 1–255 characters, no control characters. */
public record UserId(String value) {
    public UserId {
        Text.requirePlainText(value, 255);
    }

    @Override
    public String toString() {
        return value;
    }
}
