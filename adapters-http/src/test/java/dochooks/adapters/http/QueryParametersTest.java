package dochooks.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dochooks.domain.validation.FieldViolation;
import dochooks.domain.validation.Rule;
import dochooks.domain.validation.ValidationException;
import io.vertx.core.MultiMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    private static MultiMap params(String... pairs) {
        MultiMap map = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < pairs.length; i += 2) {
            map.add(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private record Query(String id, Long max) {
        Query {
            if (id == null) {
                throw ValidationException.of("id", Rule.REQUIRED);
            }
        }
    }

    @Test
    void numbersAreParsedWhenPlainDigitsInRange() {
        QueryParameters query = new QueryParameters(params("max", "0", "size", "7", "offset", "000123"));

        assertEquals(0L, query.nonNegative("max"));
        assertEquals(7L, query.positive("size"));
        assertEquals(123L, query.nonNegative("offset"));
        assertNull(query.nonNegative("absent"));
    }

    @Test
    void aRecordBuiltFromGoodParametersIsReturned() {
        QueryParameters query = new QueryParameters(params("id", "a", "max", "3"));

        assertEquals(new Query("a", 3L), query.build(() -> new Query(query.text("id"), query.nonNegative("max"))));
    }

    @Test
    void theAdaptersAndTheRecordsFaultsAreReportedTogetherInParameterOrder() {
        QueryParameters query = new QueryParameters(params("max", "-2"));

        ValidationException refused = assertThrows(ValidationException.class,
                () -> query.build(() -> new Query(query.text("id"), query.nonNegative("max"))));

        assertEquals(List.of(FieldViolation.of("id", Rule.REQUIRED), FieldViolation.of("max", Rule.NON_NEGATIVE_INTEGER)),
                refused.violations());
    }

    @Test
    void aParameterGivenTwiceIsReportedOnceUnderItsName() {
        QueryParameters query = new QueryParameters(params("id", "a", "id", "b"));

        ValidationException refused = assertThrows(ValidationException.class,
                () -> query.build(() -> new Query(query.text("id"), null)));

        assertEquals(List.of(FieldViolation.of("id", Rule.EXACTLY_ONE_OF, "id")), refused.violations());
    }

    @Test
    void zeroIsNoPositiveSize() {
        QueryParameters query = new QueryParameters(params("size", "0"));

        assertNull(query.positive("size"));
        ValidationException refused = assertThrows(ValidationException.class, () -> query.build(() -> "built"));
        assertEquals(List.of(FieldViolation.of("size", Rule.POSITIVE_INTEGER)), refused.violations());
    }
}
