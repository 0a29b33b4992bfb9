package archfixture.adapters.provider;

/** A provider adapter class, present so every adapter layer of the fixture exists. */
public class Client {
}
