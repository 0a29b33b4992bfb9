/**
 * Contract test kits for the storage out-ports, published with the application's test-jar: one abstract JUnit
 * class per port family ({@link dochooks.application.contract.IntegrationStoreContract},
 * {@link dochooks.application.contract.ConnectionStoreContract},
 * {@link dochooks.application.contract.RefreshLeaseContract},
 * {@link dochooks.application.contract.PendingAuthorizationContract}). An implementation of a port proves it keeps
 * the port's promises by extending the kit and answering its factory methods; the in-memory stores of the
 * application tests and the PostgreSQL adapter both do. See {@code docs/swapping-adapters.md}.
 */
package dochooks.application.contract;
