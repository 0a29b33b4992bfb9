package dochooks.adapters.provider.egress;

import dochooks.application.error.ProviderAddressBlockedException;
import dochooks.application.error.ProviderUnreachableException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

/**
 * Turns a provider URL's host into the one address to connect to, checked by the {@link EgressPolicy}.
 * Address literals are parsed, never looked up (see {@link HostForm}); names are looked up off the event
 * loop, and refused when ANY of their addresses is refused, so that a name cannot smuggle an internal address
 * next to a public one. The caller connects to exactly the returned address: there is no second lookup for a
 * rebinding DNS server to answer differently. A name's addresses are remembered for a few seconds
 * ({@link RecentLookups}) and checked again on every use.
 */
public final class EgressResolver {
    private final Vertx vertx;
    private final EgressPolicy policy;
    private final HostLookup lookup;
    private final RecentLookups recent;

    public EgressResolver(Vertx vertx, EgressPolicy policy) {
        this(vertx, policy, HostLookup.system());
    }

    public EgressResolver(Vertx vertx, EgressPolicy policy, HostLookup lookup) {
        this(vertx, policy, lookup, new RecentLookups());
    }

    EgressResolver(Vertx vertx, EgressPolicy policy, HostLookup lookup, RecentLookups recent) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.recent = Objects.requireNonNull(recent, "recent");
    }

    /**
     * The checked address of {@code host} (a URL's host, IPv6 literals in brackets or not).
     * Fails with {@link ProviderAddressBlockedException} when the policy refuses it (or it is an ambiguous
     * numeric form), with {@link ProviderUnreachableException} when the name does not resolve.
     */
    public Future<InetAddress> resolve(String host) {
        HostForm form = HostForm.of(host);
        if (form instanceof HostForm.Refused refused) {
            return Future.failedFuture(new ProviderAddressBlockedException(
                    "the provider host " + printable(host) + " is refused: " + refused.reason()));
        }
        if (form instanceof HostForm.Literal literal) {
            return checked(host, List.of(literal.address()));
        }
        String name = ((HostForm.Name) form).name();
        List<InetAddress> known = recent.get(name);
        if (known != null) {
            return checked(name, known);
        }
        return vertx.<List<InetAddress>>executeBlocking(() -> lookup.lookup(name), false)
                .onSuccess(addresses -> recent.put(name, addresses))
                .recover(failure -> Future.failedFuture(new ProviderUnreachableException(
                        "the provider host " + name + " could not be resolved"
                                + (failure instanceof UnknownHostException ? "" : ": " + failure.getClass().getSimpleName()))))
                .compose(addresses -> checked(name, addresses));
    }

    private Future<InetAddress> checked(String host, List<InetAddress> addresses) {
        if (addresses == null || addresses.isEmpty()) {
            return Future.failedFuture(new ProviderUnreachableException("the provider host " + host + " has no address"));
        }
        for (InetAddress address : addresses) {
            if (!policy.permits(address)) {
                return Future.failedFuture(new ProviderAddressBlockedException(
                        "the address of the provider host " + printable(host) + " is not allowed by the egress policy"));
            }
        }
        return Future.succeededFuture(addresses.get(0));
    }

    /** The host for a message: at most 255 characters, nothing but printable ASCII. */
    private static String printable(String host) {
        if (host == null) {
            return "(none)";
        }
        String cut = host.length() > 255 ? host.substring(0, 255) : host;
        return cut.replaceAll("[^\\x21-\\x7E]", "?");
    }
}
