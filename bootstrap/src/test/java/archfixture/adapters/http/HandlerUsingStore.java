package archfixture.adapters.http;

/** Deliberate violation: one adapter imports another. */
public class HandlerUsingStore {
    public archfixture.adapters.persistence.Store store = new archfixture.adapters.persistence.Store();
}
