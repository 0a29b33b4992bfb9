package dochooks.adapters.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;

class OutboundRequestTest {

    @Test
    void theHostHeaderCarriesOnlyANonDefaultPort() {
        assertEquals("dms.example", OutboundRequest.of(HttpMethod.GET, "https://dms.example/api").hostHeader());
        assertEquals("dms.example", OutboundRequest.of(HttpMethod.GET, "https://dms.example:443/api").hostHeader());
        assertEquals("dms.example:8443", OutboundRequest.of(HttpMethod.GET, "https://dms.example:8443/api").hostHeader());
        assertEquals("dms.example:443", OutboundRequest.of(HttpMethod.GET, "http://dms.example:443/api").hostHeader());
        assertEquals("[::1]:8080", OutboundRequest.of(HttpMethod.GET, "http://[::1]:8080/").hostHeader());
        assertEquals("::1", OutboundRequest.of(HttpMethod.GET, "http://[::1]:8080/").tlsHost());
    }

    @Test
    void theTargetIsSentAsEncoded() {
        assertEquals("/", OutboundRequest.of(HttpMethod.GET, "https://dms.example").target());
        assertEquals("/api/files?parentId=%2F&x=a%20b", OutboundRequest.of(HttpMethod.GET,
                "https://dms.example/api/files?parentId=%2F&x=a%20b").target());
        assertEquals("/d%C3%A9p%C3%B4t/files", OutboundRequest.of(HttpMethod.GET, "https://dms.example/dépôt/files").target());
    }

    @Test
    void toStringShowsNeitherQueryNorHeaders() {
        OutboundRequest request = OutboundRequest.of(HttpMethod.GET, "https://dms.example/api/files?id=secret-id")
                .withHeader("apiKey", "the-key");
        assertFalse(request.toString().contains("secret-id"));
        assertFalse(request.toString().contains("the-key"));
        assertEquals("GET https://dms.example/api/files", request.toString());
    }

    @Test
    void callsOnlyHttpUrlsWithAHostAndNoUserInfo() {
        assertThrows(IllegalArgumentException.class, () -> OutboundRequest.of(HttpMethod.GET, "file:///etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> OutboundRequest.of(HttpMethod.GET, "ftp://dms.example/"));
        assertThrows(IllegalArgumentException.class, () -> OutboundRequest.of(HttpMethod.GET, "https://user:pw@dms.example/"));
        assertThrows(IllegalArgumentException.class, () -> OutboundRequest.of(HttpMethod.GET, "not a url"));
    }
}
