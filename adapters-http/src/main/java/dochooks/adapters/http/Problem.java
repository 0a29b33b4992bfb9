package dochooks.adapters.http;

import dochooks.domain.validation.FieldViolation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One RFC 9457 problem before it is written in the caller's language: its type, which catalog entry
 * explains it (with arguments), the fields at fault for a validation failure, the HTTP status a provider
 * answered (the {@code providerStatus} member, null when none did), and the headers that go with it
 * ({@code Allow}, {@code WWW-Authenticate}, {@code Retry-After}).
 */
record Problem(ProblemType type, String detailKey, List<String> detailArgs, List<FieldViolation> errors,
        Integer providerStatus, Map<String, String> headers) {

    Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detailKey, "detailKey");
        detailArgs = List.copyOf(detailArgs);
        errors = List.copyOf(errors);
        headers = Map.copyOf(headers);
    }

    static Problem of(ProblemType type) {
        return new Problem(type, MessageCatalog.detailKey(type), List.of(), List.of(), null, Map.of());
    }

    static Problem validation(List<FieldViolation> violations) {
        ProblemType type = ProblemType.VALIDATION_FAILED;
        return new Problem(type, MessageCatalog.detailKey(type), List.of(), violations, null, Map.of());
    }

    /** The same problem explained by another catalog entry, e.g. {@code detail.if-match}. */
    Problem explainedBy(String key, Object... args) {
        return new Problem(type, key, Arrays.stream(args).map(String::valueOf).toList(), errors, providerStatus,
                headers);
    }

    /** The same problem saying which HTTP status the provider answered (null: it answered none). */
    Problem withProviderStatus(Integer status) {
        return new Problem(type, detailKey, detailArgs, errors, status, headers);
    }

    Problem withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Problem(type, detailKey, detailArgs, errors, providerStatus, more);
    }

    ProblemException asException() {
        return new ProblemException(this);
    }
}
