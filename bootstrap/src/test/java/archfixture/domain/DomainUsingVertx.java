package archfixture.domain;

/** Deliberate violation: the domain reaches for Vert.x. */
public class DomainUsingVertx {
    public io.vertx.core.json.JsonObject toJson() {
        return new io.vertx.core.json.JsonObject();
    }
}
