package dochooks.adapters.provider.observation;

/**
 * Told of every finished call to a provider (document protocol and OAuth2 token endpoint), so that the
 * composition root can count and time them (metrics) without this adapter depending on a metrics library.
 * Called on whatever thread finished the call: implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface ProviderCallObserver {

    void observe(ObservedProviderCall call);

    /** Observes nothing (the call is still logged). */
    static ProviderCallObserver none() {
        return call -> {
        };
    }
}
