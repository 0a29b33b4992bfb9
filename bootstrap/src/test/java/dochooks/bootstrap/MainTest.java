package dochooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void theReadyMessageOpensTheConsoleWithTheTokenInTheFragmentOnly() {
        String message = Main.readyMessage("https://dochooks.acme.example/", 8080, "a.b.c");

        assertTrue(message.contains("https://dochooks.acme.example/console/#token=a.b.c" + System.lineSeparator()), message);
        assertFalse(message.contains("?"), message);
        assertTrue(message.contains("Admin token: a.b.c"), message);
    }
}
