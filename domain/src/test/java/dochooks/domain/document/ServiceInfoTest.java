package dochooks.domain.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceInfoTest {

    @Test
    void stripsLeadingSlashesAndDropsEmptyEndpointNames() {
        ServiceInfo info = new ServiceInfo("1.2", "", null, Arrays.asList("/files", "search", "", null), null);
        assertEquals(List.of("files", "search"), info.availableEndpoints());
        assertEquals(List.of(), info.customActions());
        assertNull(info.version());
    }

    @Test
    void customActionsNeedAName() {
        assertThrows(IllegalArgumentException.class, () -> new ServiceInfo.CustomAction(" ", "Archive"));
        assertNull(new ServiceInfo.CustomAction("archive", "").displayName());
    }
}
