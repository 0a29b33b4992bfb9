/**
 * The connection use cases (api.md section 4) and the token service behind every OAuth2 provider call.
 *
 * <p>Wiring, for the composition root (the persistence adapter implements all three storage ports, the provider
 * adapter the token endpoint):
 * <pre>{@code
 * UserAccessTokenService tokens = new UserAccessTokenService(persistence, persistence, provider.tokenEndpoint(),
 *         delay -> vertx.timer(delay.toMillis(), TimeUnit.MILLISECONDS).mapEmpty(), clock,
 *         RefreshSettings.forTokenCallTimeout(providerSettings.timeout()));
 * new StartConnectionService(persistence, persistence, redirectUri, clock);
 * new CompleteAuthorizationService(persistence, clock);
 * new ConfirmConnectionService(persistence, persistence, provider.tokenEndpoint(), persistence, redirectUri, clock);
 * new GetConnectionStatusService(persistence, persistence);
 * new DisconnectService(persistence, persistence);
 * // and `tokens` as the UserAccessTokenPort of every document service and of the connection test, whose
 * // EndpointProbePort is provider.endpointProbe()
 * }</pre>
 * One {@link dochooks.application.connection.service.UserAccessTokenService} per process: its in-process
 * coalescing of refreshes only works among the requests that share it.
 */
package dochooks.application.connection.service;
