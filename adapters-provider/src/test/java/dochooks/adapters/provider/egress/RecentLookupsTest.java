package dochooks.adapters.provider.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentLookupsTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final RecentLookups recent = new RecentLookups(now::get);

    @Test
    void anAnswerIsKeptForItsLifetimeOnly() throws UnknownHostException {
        List<InetAddress> addresses = List.of(address(1));
        recent.put("dms.acme.example", addresses);

        now.addAndGet(RecentLookups.LIFETIME.toNanos() - 1);
        assertEquals(addresses, recent.get("dms.acme.example"));
        now.addAndGet(1);
        assertNull(recent.get("dms.acme.example"));
        assertEquals(0, recent.size(), "an expired answer is dropped when met");
    }

    @Test
    void anEmptyAnswerIsNotKept() {
        recent.put("nowhere.example", List.of());
        recent.put("null.example", null);

        assertEquals(0, recent.size());
    }

    @Test
    void neverMoreThanItsBoundExpiredAnswersGoingFirst() throws UnknownHostException {
        recent.put("old.example", List.of(address(1)));
        now.addAndGet(RecentLookups.LIFETIME.toNanos());
        for (int i = 0; i < RecentLookups.MAX_NAMES + 50; i++) {
            recent.put("name-" + i + ".example", List.of(address(2)));
            assertTrue(recent.size() <= RecentLookups.MAX_NAMES, () -> "size " + recent.size());
        }
        assertNull(recent.get("old.example"));
        assertEquals(List.of(address(2)), recent.get("name-" + (RecentLookups.MAX_NAMES + 49) + ".example"),
                "the newest is kept");
    }

    private static InetAddress address(int last) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {93, (byte) 184, (byte) 215, (byte) last});
    }
}
