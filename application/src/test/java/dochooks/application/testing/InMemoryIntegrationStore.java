package dochooks.application.testing;

import dochooks.application.error.IntegrationNotFoundException;
import dochooks.application.error.NameTakenException;
import dochooks.application.error.VersionConflictException;
import dochooks.application.integration.port.in.PageCursor;
import dochooks.application.integration.port.out.DeleteIntegrationPort;
import dochooks.application.integration.port.out.ListIntegrationsPort;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.application.integration.port.out.SaveIntegrationPort;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.integration.IntegrationStatus;
import dochooks.domain.tenancy.TenantId;
import io.vertx.core.Future;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real, in-memory implementation of the integration ports, with the same rules as PostgreSQL
 * (unique comparison key per tenant, versioned updates). Used by application and HTTP tests; passes
 * {@code IntegrationStoreContract}. What belongs to an integration (users' connections, pending authorizations)
 * lives in other in-memory stores that register as its {@link Dependents}, so that dropping connections on an
 * update, and deleting an integration, reach them as a cascade would.
 */
public final class InMemoryIntegrationStore
        implements LoadIntegrationPort, ListIntegrationsPort, SaveIntegrationPort, DeleteIntegrationPort {

    /** A store of rows that belong to an integration and go with it (its foreign key, in SQL terms). */
    public interface Dependents {
        /** Removes every row of that integration: its connections were dropped, or it was deleted. */
        void dropAllOf(TenantId tenant, IntegrationId integration);
    }

    private record Key(TenantId tenant, IntegrationId id) {
    }

    /**
     * The listing order of the port: comparison keys by {@link String#compareTo} (UTF-16 code units; PostgreSQL
     * keeps a UTF-16BE copy of the key to sort the same way), then ids as their lower-case text, which is
     * PostgreSQL's unsigned byte order of uuids.
     */
    private static final Comparator<Integration> LISTING_ORDER = Comparator
            .comparing((Integration i) -> i.name().comparisonKey())
            .thenComparing(i -> i.id().value().toString());

    private final Map<Key, Integration> integrations = new ConcurrentHashMap<>();
    private final Map<Key, Integer> connectionDrops = new ConcurrentHashMap<>();
    private final List<Dependents> dependents = new CopyOnWriteArrayList<>();

    /** Lets {@code store} follow this store's drops and deletions from now on. */
    public void addDependents(Dependents store) {
        dependents.add(store);
    }

    /**
     * Whether the tenant has that integration now. Takes no lock, so that dependents may ask while holding
     * theirs (this store calls them while holding its own).
     */
    public boolean exists(TenantId tenant, IntegrationId id) {
        return integrations.containsKey(new Key(tenant, id));
    }

    @Override
    public Future<Optional<Integration>> load(TenantId tenant, IntegrationId id) {
        return Future.succeededFuture(Optional.ofNullable(integrations.get(new Key(tenant, id))));
    }

    @Override
    public Future<List<Integration>> list(TenantId tenant, Optional<IntegrationStatus> status,
            Optional<PageCursor> after, int limit) {
        List<Integration> page = integrations.values().stream()
                .filter(i -> i.tenant().equals(tenant))
                .filter(i -> status.map(s -> i.status() == s).orElse(true))
                .filter(i -> after.map(cursor -> isAfter(i, cursor)).orElse(true))
                .sorted(LISTING_ORDER)
                .limit(limit)
                .toList();
        return Future.succeededFuture(page);
    }

    private static boolean isAfter(Integration integration, PageCursor cursor) {
        int byName = integration.name().comparisonKey().compareTo(cursor.nameKey());
        return byName > 0 || (byName == 0 && integration.id().value().toString().compareTo(cursor.id().toString()) > 0);
    }

    @Override
    public synchronized Future<Void> insert(Integration integration) {
        if (nameTaken(integration)) {
            return Future.failedFuture(new NameTakenException("name taken: " + integration.name()));
        }
        integrations.put(new Key(integration.tenant(), integration.id()), integration);
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Void> update(Integration next, long expectedVersion, boolean dropConnections) {
        Key key = new Key(next.tenant(), next.id());
        Integration stored = integrations.get(key);
        if (stored == null) {
            return Future.failedFuture(new IntegrationNotFoundException("gone: " + next.id()));
        }
        if (stored.version() != expectedVersion) {
            return Future.failedFuture(new VersionConflictException("version moved to " + stored.version()));
        }
        if (nameTaken(next)) {
            return Future.failedFuture(new NameTakenException("name taken: " + next.name()));
        }
        integrations.put(key, next);
        if (dropConnections) {
            connectionDrops.merge(key, 1, Integer::sum);
            dropDependentsOf(key);
        }
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Boolean> delete(TenantId tenant, IntegrationId id) {
        Key key = new Key(tenant, id);
        boolean deleted = integrations.remove(key) != null;
        if (deleted) {
            dropDependentsOf(key);
        }
        return Future.succeededFuture(deleted);
    }

    private void dropDependentsOf(Key key) {
        dependents.forEach(store -> store.dropAllOf(key.tenant(), key.id()));
    }

    /** How many times an update asked to drop the integration's connections (for tests). */
    public int connectionDropsOf(TenantId tenant, IntegrationId id) {
        return connectionDrops.getOrDefault(new Key(tenant, id), 0);
    }

    private boolean nameTaken(Integration candidate) {
        return integrations.values().stream().anyMatch(other -> other.tenant().equals(candidate.tenant())
                && !other.id().equals(candidate.id())
                && other.name().comparisonKey().equals(candidate.name().comparisonKey()));
    }
}
