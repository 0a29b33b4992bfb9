package dochooks.adapters.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JOSE header check that runs before any signature is looked at. */
class BearerAuthenticationTest {
    private static final String PAYLOAD_AND_SIGNATURE = ".e30.c2ln";

    private static String withHeader(String json) {
        return Tokens.encode(json) + PAYLOAD_AND_SIGNATURE;
    }

    @Test
    void onlyAnHs256HeaderPasses() {
        assertTrue(BearerAuthentication.signedWithHs256(withHeader("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")));
        for (String alg : List.of("none", "None", "RS256", "HS384", "HS512", "hs256", "HS256 ", "")) {
            assertFalse(BearerAuthentication.signedWithHs256(withHeader(new JsonObject().put("alg", alg).encode())), alg);
        }
    }

    @Test
    void aHeaderWithoutAStringAlgOrNotAJsonObjectFails() {
        assertFalse(BearerAuthentication.signedWithHs256(withHeader("{\"typ\":\"JWT\"}")));
        assertFalse(BearerAuthentication.signedWithHs256(withHeader("{\"alg\":[\"HS256\"]}")));
        assertFalse(BearerAuthentication.signedWithHs256(withHeader("[\"HS256\"]")));
        assertFalse(BearerAuthentication.signedWithHs256(withHeader("not json")));
        assertFalse(BearerAuthentication.signedWithHs256("!!!" + PAYLOAD_AND_SIGNATURE));
    }
}
