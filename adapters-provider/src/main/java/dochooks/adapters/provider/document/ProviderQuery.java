package dochooks.adapters.provider.document;

import dochooks.domain.integration.RequestParameters;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query string of a provider call: the protocol's parameters first, then the integration's request
 * parameters, each name once, every name and value percent-encoded (RFC 3986: only unreserved characters stay).
 */
final class ProviderQuery {
    private final Map<String, String> parameters = new LinkedHashMap<>();

    /** Adds {@code name=value}; a null value is not sent. */
    ProviderQuery with(String name, Object value) {
        if (value != null) {
            parameters.putIfAbsent(name, value.toString());
        }
        return this;
    }

    /** Adds the integration's request parameters whose names are not already there. */
    ProviderQuery withAll(RequestParameters requestParameters) {
        for (RequestParameters.Parameter parameter : requestParameters.parameters()) {
            parameters.putIfAbsent(parameter.name(), parameter.value());
        }
        return this;
    }

    String encoded() {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(RequestParameters.encode(name)).append('=').append(RequestParameters.encode(value));
        });
        return query.toString();
    }
}
