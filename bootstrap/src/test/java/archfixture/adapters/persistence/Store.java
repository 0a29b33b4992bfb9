package archfixture.adapters.persistence;

/** A persistence adapter class that another adapter must not use. */
public class Store {
}
