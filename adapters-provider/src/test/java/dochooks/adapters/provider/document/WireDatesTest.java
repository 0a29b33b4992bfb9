package dochooks.adapters.provider.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The forms of dateModified, and the shortcut for the common one against the formatters it spares. */
class WireDatesTest {

    @Test
    void theFormsProvidersSendAreRead() {
        Instant expected = Instant.parse("2014-06-05T17:39:45.251Z");
        for (Object form : List.<Object>of("2014-06-05T17:39:45.251Z", "2014-06-05t17:39:45.251z", "2014-06-05 17:39:45.251Z",
                " 2014-06-05T17:39:45.251Z ", "2014-06-05T19:39:45.251+02:00", "2014-06-05T17:39:45.251000000Z",
                "20140605T17:39:45.251Z", "2014-06-05T19:39:45.251+0200", "1401989985251", 1401989985251L)) {
            assertEquals(expected, WireDates.read(form), String.valueOf(form));
        }
        assertEquals(Instant.parse("2014-06-05T17:39:00Z"), WireDates.read("2014-06-05T17:39Z"));
        assertEquals(Instant.parse("2014-06-05T17:39:45Z"), WireDates.read("20140605T173945Z"));
    }

    @Test
    void anythingElseIsUnknown() {
        for (String form : List.of("", "2014-06-05T17:39:45", "2014-06-05", "yesterday", "2014-06-05T17:39:45.Z",
                "2014-06-05T17:39:45.1234567890Z", "2014-06-05T17:39:45+18:01")) {
            assertNull(WireDates.read(form), form);
        }
        // the formatters' smart resolution, kept as it always was: a day past the month's end is its last day
        assertEquals(Instant.parse("2014-02-28T00:00:00Z"), WireDates.read("2014-02-30T00:00:00Z"));
    }

    @Test
    void theShortcutReadsTheCommonFormAsTheFormattersDo() {
        List<String> samples = new ArrayList<>(List.of("2014-06-05T17:39:45.251Z", "2014-06-05T17:39:45Z",
                "2024-02-29T23:59:59.999999999-17:59", "2023-02-29T00:00:00Z", "2014-06-05T24:00:00Z",
                "2014-06-31T00:00:00Z", "2014-06-05T17:39:60Z", "2014-06-05T17:39:45+18:00", "2014-06-05T17:39:45-00:00",
                "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.9+01:00", "2014-13-05T17:39:45Z", "2014-00-05T17:39:45Z"));
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            samples.add(randomDate(random));
        }
        int shortcuts = 0;
        for (String sample : samples) {
            Instant fast = WireDates.commonForm(sample);
            if (fast != null) {
                shortcuts++;
                assertEquals(WireDates.parseAnyForm(sample), fast, sample);
            }
        }
        assertNotNull(WireDates.commonForm("2014-06-05T17:39:45.251Z"));
        assertTrue(shortcuts > 10_000, "shortcuts taken: " + shortcuts);
    }

    /** Mostly well-formed common forms with fields around their limits, sometimes one character changed. */
    private static String randomDate(Random random) {
        StringBuilder date = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d",
                random.nextInt(10_000), random.nextInt(14), random.nextInt(33), random.nextInt(26), random.nextInt(62),
                random.nextInt(62)));
        if (random.nextBoolean()) {
            date.append('.').append("1234567890", 0, random.nextInt(11));
        }
        switch (random.nextInt(3)) {
            case 0 -> date.append('Z');
            case 1 -> date.append(random.nextBoolean() ? '+' : '-')
                    .append(String.format("%02d:%02d", random.nextInt(20), random.nextInt(62)));
            default -> date.append(random.nextBoolean() ? "" : "+0100");
        }
        if (random.nextInt(10) == 0) {
            date.setCharAt(random.nextInt(date.length()), "0T:-.Z+ 9".charAt(random.nextInt(9)));
        }
        return date.toString();
    }
}
