package dochooks.application.document.testing;

import dochooks.application.document.port.out.EndpointProbePort;
import dochooks.domain.integration.ProviderUrl;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Probes that answer what a test scripted per URL (by default 200), recording the URLs probed. */
public final class FakeEndpointProbe implements EndpointProbePort {
    private final Map<String, Supplier<Future<Integer>>> answers = new HashMap<>();
    private final List<String> probed = new ArrayList<>();

    public FakeEndpointProbe answer(String url, Supplier<Future<Integer>> answer) {
        answers.put(url, answer);
        return this;
    }

    public List<String> probed() {
        return List.copyOf(probed);
    }

    @Override
    public Future<Integer> probe(ProviderUrl url) {
        probed.add(url.value());
        return answers.getOrDefault(url.value(), () -> Future.succeededFuture(200)).get();
    }
}
