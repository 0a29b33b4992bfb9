package dochooks.adapters.provider;

import dochooks.application.error.ApplicationException;
import dochooks.application.error.ProviderBadResponseException;
import dochooks.application.error.ProviderBusyException;
import dochooks.application.error.ProviderTimeoutException;
import dochooks.application.error.ProviderUnreachableException;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Turns what Netty and Vert.x throw into the application's provider failures, so that none of their
 * exceptions (nor their messages, which name URLs) crosses the port.
 */
final class TransportFailures {
    private TransportFailures() {
    }

    /**
     * @param status the status of the provider's answer when it had begun answering (a connection lost after
     *               that cut the answer off: bad response), null before (the provider was unreachable)
     */
    static ApplicationException map(Throwable failure, Integer status, long timeoutMs) {
        if (failure instanceof ApplicationException known) {
            return known;
        }
        if (hasCause(failure, ConnectionPoolTooBusyException.class)) {
            // dochooks' own bound (too many requests already wait for a connection to this host): nothing was sent
            return new ProviderBusyException("too many calls to the provider's host are waiting for a connection", 1);
        }
        if (hasCause(failure, ConnectTimeoutException.class) || hasCause(failure, TimeoutException.class)) {
            return new ProviderTimeoutException("the provider did not answer within " + timeoutMs + " ms");
        }
        if (hasCause(failure, SSLException.class)) {
            return new ProviderUnreachableException("the TLS connection to the provider failed");
        }
        if (hasCause(failure, ConnectException.class)) {
            return new ProviderUnreachableException("the provider refused the connection");
        }
        if (hasCause(failure, UnknownHostException.class)) {
            return new ProviderUnreachableException("the provider host could not be resolved");
        }
        if (status != null) {
            return new ProviderBadResponseException(status, "the provider's answer was cut off ("
                    + failure.getClass().getSimpleName() + ")");
        }
        return new ProviderUnreachableException("the connection to the provider failed ("
                + failure.getClass().getSimpleName() + ")");
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
