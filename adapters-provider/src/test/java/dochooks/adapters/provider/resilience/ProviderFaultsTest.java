package dochooks.adapters.provider.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dochooks.application.error.ProviderAddressBlockedException;
import dochooks.application.error.ProviderBadResponseException;
import dochooks.application.error.ProviderBusyException;
import dochooks.application.error.ProviderCircuitOpenException;
import dochooks.application.error.ProviderErrorException;
import dochooks.application.error.ProviderForbiddenException;
import dochooks.application.error.ProviderNotFoundException;
import dochooks.application.error.ProviderTimeoutException;
import dochooks.application.error.ProviderUnreachableException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProviderFaultsTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                // failure, counts against the breaker, retried
                Arguments.of(new ProviderTimeoutException("slow"), true, false),
                Arguments.of(new ProviderUnreachableException("refused"), true, true),
                Arguments.of(new ProviderErrorException(502, null), true, true),
                Arguments.of(new ProviderErrorException(503, null), true, true),
                Arguments.of(new ProviderErrorException(504, null), true, true),
                Arguments.of(new ProviderErrorException(500, "one user's odd item"), false, false),
                Arguments.of(new ProviderErrorException(501, null), false, false),
                Arguments.of(new ProviderErrorException(429, null), false, false),
                Arguments.of(new ProviderErrorException(400, null), false, false),
                Arguments.of(new ProviderErrorException(200, "failure body"), false, false),
                Arguments.of(new ProviderForbiddenException(403), false, false),
                Arguments.of(new ProviderForbiddenException(401), false, false),
                Arguments.of(new ProviderNotFoundException("no such item"), false, false),
                Arguments.of(new ProviderBadResponseException(200, "not JSON"), false, false),
                Arguments.of(new ProviderAddressBlockedException("loopback"), false, false),
                Arguments.of(new ProviderBusyException(1), false, false),
                Arguments.of(new ProviderCircuitOpenException(3), false, false),
                Arguments.of(new IllegalStateException("the user's upload stream broke"), false, false));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void onlyADownOrOverloadedProviderCountsAndOnlyTransientFailuresAreRetried(Throwable failure, boolean fault,
            boolean retried) {
        assertEquals(fault, ProviderFaults.isProviderFault(failure), "counts against the breaker");
        assertEquals(retried, ProviderFaults.isRetryable(failure), "retried");
    }
}
