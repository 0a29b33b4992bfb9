package dochooks.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Deque's axe-core rules (WCAG 2.1 A and AA) run inside the page as it is shown: labels, names, contrast, roles,
 * landmarks, language. The script comes from the axe-core web jar on the test class path and is handed to the
 * page by WebDriver, not loaded by the page, so the console's Content-Security-Policy stays as strict as it is.
 */
final class AccessibilityAudit {
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                .then(result => done(result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                    + v.nodes.map(n => n.target.join(' ')).join(', '))))
                .catch(error => done(['axe failed: ' + error]));
            """;
    private static final String SCRIPT = load();

    private AccessibilityAudit() {
    }

    /** The violations on the page as it is now, one line each; empty when there is none. */
    @SuppressWarnings("unchecked")
    static List<String> violations(WebDriver driver) {
        JavascriptExecutor page = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(page.executeScript("return typeof axe === 'object'"))) {
            page.executeScript(SCRIPT);
        }
        Object found = page.executeAsyncScript(RUN);
        return found instanceof List<?> list ? new ArrayList<>((List<String>) list) : List.of(String.valueOf(found));
    }

    private static String load() {
        try (InputStream in = AccessibilityAudit.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException(AXE + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
