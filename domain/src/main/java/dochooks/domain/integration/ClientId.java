package dochooks.domain.integration;

import dochooks.domain.validation.Text;

/** The OAuth2 client id of an integration: 1–255 characters, no control characters. */
public record ClientId(String value) {
    public ClientId {
        Text.requirePlainText(value, 255);
    }

    @Override
    public String toString() {
        return value;
    }
}
