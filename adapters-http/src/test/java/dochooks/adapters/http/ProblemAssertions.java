package dochooks.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.json.JsonObject;

/** What every problem answer must be: RFC 9457 JSON of the expected type and status, with a title. */
final class ProblemAssertions {
    private ProblemAssertions() {
    }

    static void assertProblem(Answer answer, int status, String slug) {
        assertEquals(status, answer.status(), answer::toString);
        assertEquals("application/problem+json", answer.header("Content-Type"), answer::toString);
        JsonObject problem = answer.json();
        assertEquals("urn:dochooks:problem:" + slug, problem.getString("type"), answer::toString);
        assertEquals(status, problem.getInteger("status"));
        assertNotNull(problem.getString("title"));
    }
}
