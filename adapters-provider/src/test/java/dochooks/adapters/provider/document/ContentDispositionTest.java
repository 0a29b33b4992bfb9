package dochooks.adapters.provider.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentDispositionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "attachment; filename=\"report.pdf\"                                   | report.pdf",
            "inline; filename=plain.txt                                            | plain.txt",
            "attachment; filename*=UTF-8''%EB%B3%B4%EA%B3%A0%EC%84%9C.txt; filename=\"fallback.txt\" | 보고서.txt",
            "attachment; filename=\"fallback.txt\"; filename*=utf-8''%E2%82%AC%20rates.txt | € rates.txt",
            "attachment; filename*=ISO-8859-1'fr'caf%E9.txt                        | café.txt",
            "attachment; filename=\"semi;colon.txt\"; size=3                       | semi;colon.txt",
            "attachment; filename=\"esc\\\"aped.txt\"                              | esc\"aped.txt",
            "attachment; filename*=UTF-8''%FF%FE; filename=\"kept.txt\"            | kept.txt",
            "attachment; filename*=KOI8-R''%C1; filename=\"kept.txt\"              | kept.txt",
            "attachment;filename=\"a\u0007b.txt\"                                  | ab.txt"})
    void readsTheFileName(String header, String expected) {
        assertEquals(expected, ContentDisposition.fileName(header));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"attachment", "attachment; filename=\"\"", "attachment; size=3", "attachment; filename*=UTF-8''%E",
            "attachment; filename*=nonsense"})
    void givesNullWithoutAUsableName(String header) {
        assertNull(ContentDisposition.fileName(header));
    }
}
