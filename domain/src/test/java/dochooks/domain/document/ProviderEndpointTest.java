package dochooks.domain.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderEndpointTest {

    @Test
    void findsEndpointsByExactNameWithOrWithoutSlash() {
        assertEquals(Optional.of(ProviderEndpoint.UPLOAD_INIT), ProviderEndpoint.fromWireName("uploadInit"));
        assertEquals(Optional.of(ProviderEndpoint.FILES), ProviderEndpoint.fromWireName("/files"));
        assertTrue(ProviderEndpoint.fromWireName("uploadinit").isEmpty());
        assertTrue(ProviderEndpoint.fromWireName(null).isEmpty());
    }

    @Test
    void onlyServiceInfoGoesWithoutCredentials() {
        for (ProviderEndpoint endpoint : ProviderEndpoint.values()) {
            assertEquals(endpoint != ProviderEndpoint.SERVICE_INFO, endpoint.sendsCredentials(), endpoint.name());
        }
    }
}
