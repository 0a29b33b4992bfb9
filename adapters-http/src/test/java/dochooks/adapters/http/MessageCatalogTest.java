package dochooks.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dochooks.application.document.port.in.CheckDetail;
import dochooks.domain.validation.FieldViolation;
import dochooks.domain.validation.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every problem type and every validation rule has its text in every language. */
class MessageCatalogTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    private final MessageCatalog catalog = MessageCatalog.load();

    @Test
    void everyProblemTypeHasATitleAndADetailInEveryLanguage() {
        List<String> missing = new ArrayList<>();
        for (ProblemType type : ProblemType.values()) {
            for (Language language : Language.values()) {
                if (blank(catalog.raw(MessageCatalog.titleKey(type), language))) {
                    missing.add(language.tag() + " title of " + type.slug());
                }
                if (type.hasDetail() && blank(catalog.raw(MessageCatalog.detailKey(type), language))) {
                    missing.add(language.tag() + " detail of " + type.slug());
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void anInternalErrorHasNoDetailToTranslate() {
        for (Language language : Language.values()) {
            assertNull(catalog.raw(MessageCatalog.detailKey(ProblemType.INTERNAL_ERROR), language));
        }
    }

    @Test
    void everyRuleHasAMessageInEveryLanguage() {
        List<String> missing = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            for (Language language : Language.values()) {
                if (blank(catalog.raw(MessageCatalog.ruleKey(rule), language))) {
                    missing.add(language.tag() + " " + rule.name());
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void englishRuleMessagesAreTheDomainTemplates() {
        for (Rule rule : Rule.values()) {
            assertEquals(rule.englishTemplate(), catalog.raw(MessageCatalog.ruleKey(rule), Language.ENGLISH), rule.name());
        }
    }

    @Test
    void everyConnectionTestFindingHasWordsInEveryLanguageAndEnglishIsTheApplicationsTemplate() {
        for (CheckDetail.Kind kind : CheckDetail.Kind.values()) {
            assertEquals(kind.englishTemplate(), catalog.raw(MessageCatalog.checkKey(kind), Language.ENGLISH), kind.name());
            for (Language language : Language.values()) {
                assertFalse(blank(catalog.raw(MessageCatalog.checkKey(kind), language)), language.tag() + " " + kind);
            }
        }
        assertEquals("/에 항목 3개", catalog.check(CheckDetail.of(CheckDetail.Kind.ITEMS_IN_ROOT, 3), Language.KOREAN));
    }

    @Test
    void everyLanguageHasTheSameEntriesWithTheSamePlaceholders() {
        Set<String> english = catalog.keys(Language.ENGLISH);
        for (Language language : Language.values()) {
            assertEquals(new TreeSet<>(english), new TreeSet<>(catalog.keys(language)), language.tag());
            for (String key : english) {
                assertEquals(placeholders(catalog.raw(key, Language.ENGLISH)), placeholders(catalog.raw(key, language)),
                        language.tag() + " " + key);
            }
        }
    }

    @Test
    void frenchAndKoreanTitlesAreTranslatedNotCopied() {
        for (ProblemType type : ProblemType.values()) {
            String english = catalog.title(type, Language.ENGLISH);
            assertNotEquals(english, catalog.title(type, Language.FRENCH), type.slug());
            assertNotEquals(english, catalog.title(type, Language.KOREAN), type.slug());
        }
    }

    @Test
    void violationArgumentsAreFilledAndWordsAmongThemTranslated() {
        FieldViolation length = FieldViolation.of("name", Rule.LENGTH, 1, 120);
        assertEquals("must be 1 to 120 characters long", catalog.message(length, Language.ENGLISH));
        assertEquals("doit comporter de 1 à 120 caractères", catalog.message(length, Language.FRENCH));
        assertEquals("1~120자여야 합니다", catalog.message(length, Language.KOREAN));

        FieldViolation scheme = FieldViolation.of("baseApiUrl", Rule.URL_SCHEME, "http or https");
        assertEquals("must use http or https", catalog.message(scheme, Language.ENGLISH));
        assertEquals("doit utiliser http ou https", catalog.message(scheme, Language.FRENCH));
        assertEquals("http 또는 https 스킴을 사용해야 합니다", catalog.message(scheme, Language.KOREAN));
    }

    @Test
    void aDetailVariantIsUsedWhenAProblemNamesOne() {
        Problem ifMatch = Problem.of(ProblemType.MALFORMED_REQUEST).explainedBy("detail.if-match");

        String detail = catalog.detail(ifMatch, Language.FRENCH);

        assertNotNull(detail);
        assertFalse(detail.equals(catalog.detail(Problem.of(ProblemType.MALFORMED_REQUEST), Language.FRENCH)));
        assertEquals("If-Match doit être un ETag fort, comme \"3\", ou *.", detail);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
