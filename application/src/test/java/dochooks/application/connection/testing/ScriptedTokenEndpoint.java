package dochooks.application.connection.testing;

import dochooks.application.connection.port.out.AuthorizationCode;
import dochooks.application.connection.port.out.TokenEndpointPort;
import dochooks.application.connection.port.out.TokenGrant;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.Secret;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A token endpoint whose answers a test scripts: by default every grant issues numbered tokens
 * ({@code access-1}, {@code refresh-1}, ...) for an hour; it can refuse, fail, hold its answer until the test
 * releases it, or answer anything else. Records every grant it received.
 */
public final class ScriptedTokenEndpoint implements TokenEndpointPort {

    /** One grant received: {@code refresh_token} or {@code authorization_code}, with what it carried. */
    public record Grant(String type, Integration integration, AuthorizationCode code, Secret refreshToken) {
    }

    private final List<Grant> grants = new ArrayList<>();
    private final List<Promise<TokenGrant>> held = new ArrayList<>();
    private Supplier<Future<TokenGrant>> answer = this::issueNext;
    private int issued;
    private Long expiresIn = 3600L;
    private boolean withRefreshToken = true;

    @Override
    public synchronized Future<TokenGrant> redeem(Integration integration, AuthorizationCode code) {
        grants.add(new Grant("authorization_code", integration, code, null));
        return answer.get();
    }

    @Override
    public synchronized Future<TokenGrant> refresh(Integration integration, Secret refreshToken) {
        grants.add(new Grant("refresh_token", integration, null, refreshToken));
        return answer.get();
    }

    /** Issue numbered tokens living {@code seconds} (null: no expires_in). */
    public synchronized ScriptedTokenEndpoint issuing(Long seconds, boolean refreshToken) {
        expiresIn = seconds;
        withRefreshToken = refreshToken;
        answer = this::issueNext;
        return this;
    }

    public synchronized void refuse() {
        answer = () -> Future.succeededFuture(new TokenGrant.Refused(400, "invalid_grant", "the grant is gone"));
    }

    public synchronized void fail(Throwable failure) {
        answer = () -> Future.failedFuture(failure);
    }

    /** Answers stay pending until {@link #releaseHeld()}. */
    public synchronized void hold() {
        answer = () -> {
            Promise<TokenGrant> promise = Promise.promise();
            held.add(promise);
            return promise.future();
        };
    }

    /** Completes every held answer with freshly issued tokens, and issues at once from now on. */
    public void releaseHeld() {
        List<Promise<TokenGrant>> waiting;
        synchronized (this) {
            waiting = new ArrayList<>(held);
            held.clear();
            answer = this::issueNext;
        }
        for (Promise<TokenGrant> promise : waiting) {
            promise.complete(issueNext().result());
        }
    }

    private synchronized Future<TokenGrant> issueNext() {
        issued++;
        return Future.succeededFuture(new TokenGrant.Issued(Secret.of("access-" + issued),
                withRefreshToken ? Secret.of("refresh-" + issued) : null, expiresIn));
    }

    public synchronized List<Grant> grants() {
        return List.copyOf(grants);
    }

    public synchronized List<Grant> grants(String type) {
        return grants.stream().filter(grant -> grant.type().equals(type)).toList();
    }
}
