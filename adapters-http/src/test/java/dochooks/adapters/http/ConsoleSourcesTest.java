package dochooks.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules the console's sources keep (issue 7), checked on the files themselves: text from users and providers is
 * only ever inserted as text, and nothing needs the Content-Security-Policy to be loosened.
 */
class ConsoleSourcesTest {
    /** DOM sinks that parse HTML: any of them could run markup a provider or user put in a name. */
    private static final Pattern HTML_SINK = Pattern.compile(
            "innerHTML|outerHTML|insertAdjacentHTML|document\\.write|DOMParser|createContextualFragment|\\beval\\(|new Function\\(");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_HANDLER_OR_STYLE = Pattern.compile("\\s(on[a-z]+|style)\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern FOREIGN_LOAD = Pattern.compile("(src|href)\\s*=\\s*\"(https?:)?//|url\\(\\s*['\"]?(https?:)?//|@import",
            Pattern.CASE_INSENSITIVE);

    @Test
    void noScriptInsertsMarkup() throws Exception {
        List<Path> scripts = files(".js");

        assertFalse(scripts.isEmpty());
        for (Path script : scripts) {
            Matcher sink = HTML_SINK.matcher(read(script));
            assertFalse(sink.find(), () -> script.getFileName() + " uses " + sink.group());
        }
    }

    @Test
    void thePagesCarryNoInlineScriptHandlerOrStyle() throws Exception {
        for (Path page : files(".html")) {
            String html = read(page);
            assertFalse(INLINE_SCRIPT.matcher(html).find(), () -> page + " has an inline script");
            assertFalse(INLINE_HANDLER_OR_STYLE.matcher(html).find(), () -> page + " has an inline handler or style");
        }
    }

    @Test
    void nothingIsLoadedFromAnotherSite() throws Exception {
        for (Path file : Stream.of(files(".html"), files(".css")).flatMap(List::stream).toList()) {
            assertFalse(FOREIGN_LOAD.matcher(read(file)).find(), () -> file + " loads from another site");
        }
    }

    @Test
    void thePageIsWrittenInEnglishForTheServerToLocalize() throws Exception {
        String page = read(folder().resolve("index.html"));

        assertEquals(1, page.split("<html lang=\"en\">", -1).length - 1, "one <html lang=\"en\"> tag");
    }

    @Test
    void everyFileHasANameTheServerServes() throws Exception {
        Path folder = folder();
        try (Stream<Path> all = Files.walk(folder())) {
            all.filter(Files::isRegularFile).forEach(file -> assertTrue(
                    file.getParent().equals(folder) && file.getFileName().toString().matches("[a-z0-9][a-z0-9-]*\\.(html|css|js|svg|png|ico)"),
                    () -> file + " would not be served: the console is one flat folder of plain names"));
        }
    }

    private static List<Path> files(String extension) throws IOException, URISyntaxException {
        try (Stream<Path> all = Files.walk(folder())) {
            return all.filter(path -> path.toString().endsWith(extension)).toList();
        }
    }

    private static Path folder() throws URISyntaxException {
        return Path.of(ConsoleSourcesTest.class.getClassLoader().getResource(ConsoleAssets.FOLDER).toURI());
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
