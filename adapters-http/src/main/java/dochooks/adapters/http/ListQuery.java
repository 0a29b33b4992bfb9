package dochooks.adapters.http;

import static dochooks.application.integration.port.in.ListIntegrationsUseCase.DEFAULT_LIMIT;
import static dochooks.application.integration.port.in.ListIntegrationsUseCase.MAX_LIMIT;

import dochooks.application.integration.port.in.ListIntegrationsUseCase.ListIntegrationsQuery;
import dochooks.application.integration.port.in.PageCursor;
import dochooks.domain.integration.IntegrationStatus;
import dochooks.domain.validation.FieldViolation;
import dochooks.domain.validation.Rule;
import dochooks.domain.validation.ValidationException;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The list operation's query: {@code status} (ENABLED or DISABLED), {@code limit} (1..200, default 50)
 * and {@code cursor}. Every malformed parameter (given twice counts) is reported at once, each under
 * its own name, as {@code validation-failed}.
 */
final class ListQuery {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    private ListQuery() {
    }

    static ListIntegrationsQuery parse(MultiMap params) {
        List<FieldViolation> violations = new ArrayList<>();
        Optional<IntegrationStatus> status = param(params, "status", IntegrationStatus::fromApiName,
                FieldViolation.of("status", Rule.ONE_OF, "ENABLED, DISABLED"), violations);
        Optional<Integer> limit = param(params, "limit", ListQuery::limit,
                FieldViolation.of("limit", Rule.INTEGER_RANGE, 1, MAX_LIMIT), violations);
        Optional<PageCursor> cursor = param(params, "cursor", ListQuery::cursor,
                FieldViolation.of("cursor", Rule.INVALID_CURSOR), violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new ListIntegrationsQuery(status, limit.orElse(DEFAULT_LIMIT), cursor);
    }

    /** The parsed parameter when given; {@code whenInvalid} recorded when unparseable or repeated. */
    private static <T> Optional<T> param(MultiMap params, String name, Function<String, Optional<T>> parser,
            FieldViolation whenInvalid, List<FieldViolation> violations) {
        List<String> values = params.getAll(name);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        Optional<T> parsed = values.size() == 1 ? parser.apply(values.get(0)) : Optional.empty();
        if (parsed.isEmpty()) {
            violations.add(whenInvalid);
        }
        return parsed;
    }

    private static Optional<Integer> limit(String value) {
        if (!DIGITS.matcher(value).matches()) {
            return Optional.empty();
        }
        int limit = Integer.parseInt(value);
        return limit >= 1 && limit <= MAX_LIMIT ? Optional.of(limit) : Optional.empty();
    }

    private static Optional<PageCursor> cursor(String value) {
        try {
            return Optional.of(PageCursor.decode(value));
        } catch (ValidationException notIssuedHere) {
            return Optional.empty();
        }
    }
}
