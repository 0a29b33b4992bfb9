package archfixture.application;

/** Deliberate violation: a use case talks HTTP itself instead of through a port. */
public class ApplicationUsingHttpClient {
    public io.vertx.core.http.HttpClient client;
}
