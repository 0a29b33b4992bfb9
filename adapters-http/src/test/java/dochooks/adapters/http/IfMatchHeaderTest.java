package dochooks.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.application.integration.port.in.IfMatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class IfMatchHeaderTest {

    @Test
    void absentOrStarAdmitsAnyVersion() {
        assertEquals(IfMatch.ANY, IfMatchHeader.parse(List.of()));
        assertEquals(IfMatch.ANY, IfMatchHeader.parse(List.of("*")));
        assertEquals(IfMatch.ANY, IfMatchHeader.parse(List.of(" * ")));
    }

    @Test
    void aStrongETagAdmitsThatVersionOnly() {
        IfMatch three = IfMatchHeader.parse(List.of("\"3\""));

        assertTrue(three.admits(3));
        assertFalse(three.admits(4));
    }

    @Test
    void aWellFormedButHugeVersionMatchesNothing() {
        IfMatch huge = IfMatchHeader.parse(List.of("\"99999999999999999999999\""));

        assertFalse(huge.admits(1));
    }

    @Test
    void anythingElseIsAMalformedRequest() {
        for (List<String> header : List.of(List.of("W/\"3\""), List.of("3"), List.of("\"\""), List.of("\"3\", \"4\""),
                List.of("\"-3\""), List.of("\"3\"", "\"3\""), List.of(""))) {
            ProblemException refused = assertThrows(ProblemException.class, () -> IfMatchHeader.parse(header),
                    header::toString);
            assertEquals(ProblemType.MALFORMED_REQUEST, refused.problem().type());
            assertEquals("detail.if-match", refused.problem().detailKey());
        }
    }
}
