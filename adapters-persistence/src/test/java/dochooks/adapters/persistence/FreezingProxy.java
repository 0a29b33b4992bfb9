package dochooks.adapters.persistence;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 in front of the database that can make its open connections go silent without closing
 * them: what a NAT or firewall dropping an idle connection looks like to both ends. Connections opened after
 * {@link #freezeOpenConnections()} work normally.
 */
final class FreezingProxy {
    private final String targetHost;
    private final int targetPort;
    private final NetServer server;
    private final NetClient client;
    private final List<Pair> pairs = new CopyOnWriteArrayList<>();

    private FreezingProxy(Vertx vertx, String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0));
        this.client = vertx.createNetClient();
        server.connectHandler(this::accept);
    }

    static FreezingProxy start(Vertx vertx, DatabaseConnection target) {
        FreezingProxy proxy = new FreezingProxy(vertx, target.host(), target.port());
        Await.result(proxy.server.listen());
        return proxy;
    }

    /** {@code target} reached through this proxy. */
    DatabaseConnection in(DatabaseConnection target) {
        return new DatabaseConnection("127.0.0.1", server.actualPort(), target.database(), target.user(),
                target.password());
    }

    /** From now on, every connection open at this moment drops what either side sends. */
    void freezeOpenConnections() {
        pairs.forEach(pair -> pair.frozen = true);
    }

    Future<Void> close() {
        pairs.forEach(pair -> {
            pair.downstream.close();
            if (pair.upstream != null) {
                pair.upstream.close();
            }
        });
        return server.close().compose(closed -> client.close());
    }

    private void accept(NetSocket downstream) {
        Pair pair = new Pair(downstream);
        pairs.add(pair);
        downstream.pause();
        client.connect(targetPort, targetHost).onComplete(connected -> {
            if (connected.failed()) {
                downstream.close();
                return;
            }
            NetSocket upstream = connected.result();
            pair.upstream = upstream;
            downstream.handler(bytes -> pair.forward(bytes, upstream));
            upstream.handler(bytes -> pair.forward(bytes, downstream));
            downstream.closeHandler(closed -> upstream.close());
            upstream.closeHandler(closed -> downstream.close());
            downstream.resume();
        });
    }

    private static final class Pair {
        final NetSocket downstream;
        volatile NetSocket upstream;
        volatile boolean frozen;

        Pair(NetSocket downstream) {
            this.downstream = downstream;
        }

        void forward(Buffer bytes, NetSocket to) {
            if (!frozen) {
                to.write(bytes);
            }
        }
    }
}
