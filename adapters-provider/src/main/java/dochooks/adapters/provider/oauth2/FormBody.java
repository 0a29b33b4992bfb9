package dochooks.adapters.provider.oauth2;

import dochooks.domain.integration.RequestParameters;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code application/x-www-form-urlencoded} body, fields in the order added. Names and values are
 * percent-encoded as RFC 3986 unreserved-or-escaped (a space is {@code %20}, a {@code +} is {@code %2B}), which
 * every form decoder reads back exactly.
 */
final class FormBody {
    static final String MEDIA_TYPE = "application/x-www-form-urlencoded";

    private final List<String> fields = new ArrayList<>();

    FormBody add(String name, String value) {
        fields.add(RequestParameters.encode(name) + "=" + RequestParameters.encode(value));
        return this;
    }

    Buffer toBuffer() {
        return Buffer.buffer(String.join("&", fields));
    }

    @Override
    public String toString() {
        return "FormBody[" + fields.size() + " fields]"; // the values are credentials
    }
}
