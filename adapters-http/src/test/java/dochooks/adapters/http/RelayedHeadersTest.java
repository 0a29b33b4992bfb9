package dochooks.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelayedHeadersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '~', value = {
            "report.pdf~report.pdf",
            "../../etc/passwd~_.._etc_passwd",
            "..\\..\\boot.ini~_.._boot.ini",
            "  .hidden  ~hidden",
            "a:b*c?d\"e<f>g|h~a_b_c_d_e_f_g_h",
            "invoice\u202Efdp.exe~invoicefdp.exe",
            "zero\u200Bwidth\u2066.txt~zerowidth.txt",
            "tab\there\u0000.txt~tabhere.txt",
            "e\u0301te.txt~\u00e9te.txt",
            "문서.hwp~문서.hwp",
    })
    void aFileNameIsMadeSafe(String raw, String expected) {
        assertEquals(expected, RelayedHeaders.safeFileName(raw));
    }

    @Test
    void nothingLeftMeansNoFileName() {
        assertNull(RelayedHeaders.safeFileName(" . .. "));
        assertNull(RelayedHeaders.safeFileName("\u202E\u0007"));
        assertNull(RelayedHeaders.safeFileName(null));
        assertEquals("attachment", RelayedHeaders.attachment("..."));
    }

    @Test
    void aLongNameIsCutTo255CodePointsWithoutSplittingOne() {
        String name = RelayedHeaders.safeFileName("😀".repeat(300));

        assertEquals(255, name.codePointCount(0, name.length()));
        assertTrue(Character.isSurrogatePair(name.charAt(name.length() - 2), name.charAt(name.length() - 1)));
    }

    @Test
    void theDispositionCarriesAnEncodedNameAndAnAsciiFallback() {
        assertEquals("attachment; filename=\"R_sum_ 100_ _ __.pdf\"; filename*=UTF-8''R%C3%A9sum%C3%A9%20100%25%20%E2%80%94%20%EB%AC%B8%EC%84%9C.pdf",
                RelayedHeaders.attachment("Résumé 100% — 문서.pdf"));
        assertEquals("attachment; filename=\"a'b;c=d.txt\"; filename*=UTF-8''a%27b%3Bc%3Dd.txt",
                RelayedHeaders.attachment("a'b;c=d.txt"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "image/png|image/png",
            "IMAGE/PNG|image/png",
            "image/jpeg; charset=binary|image/jpeg",
            "image/gif|image/gif",
            "image/webp|image/webp",
            "image/svg+xml|application/octet-stream",
            "text/html|application/octet-stream",
            "image/bmp|application/octet-stream",
            "NULL|application/octet-stream",
            "png|application/octet-stream",
    })
    void aThumbnailIsARasterImageOrOctetStream(String provider, String sent) {
        assertEquals(sent, RelayedHeaders.thumbnailType(provider));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "application/pdf|application/pdf",
            "text/plain; charset=utf-8|text/plain; charset=utf-8",
            "NULL|application/octet-stream",
            "|application/octet-stream",
            "pdf|application/octet-stream",
            "text/plain\u00e9|application/octet-stream",
            "a/b/c|application/octet-stream",
    })
    void aDownloadKeepsAWellFormedTypeOnly(String provider, String sent) {
        assertEquals(sent, RelayedHeaders.downloadType(provider));
    }
}
