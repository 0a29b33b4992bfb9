/**
 * A user's connection to an OAuth2 integration (api.md section 4): start, callback and confirm, then status
 * and disconnect.
 *
 * <p>The three steps exist so that a link forwarded by one user to another can never attach the second user's
 * provider account to the first user's connection (account-linking CSRF): start stores a pending authorization
 * for the caller; the browser's callback ({@link dochooks.application.connection.port.in.CompleteAuthorizationUseCase},
 * no caller) consumes its {@code state} and keeps the code behind a one-time confirmation; only the same user,
 * confirming with their own token, makes dochooks redeem the code.
 *
 * <p>The use cases with a caller check in the order of api.md section 1, failing with:
 * <ul>
 *   <li>{@link dochooks.application.error.IntegrationNotFoundException}: no such integration for the caller
 *       (missing, another tenant's, or disabled and the caller is no admin);</li>
 *   <li>{@link dochooks.application.error.IntegrationDisabledException}: start and confirm on a disabled
 *       integration, for an admin (status and disconnect work on it);</li>
 *   <li>{@link dochooks.application.error.NotOAuth2Exception}: start and confirm on an ApiKey integration;</li>
 *   <li>{@link dochooks.application.error.OAuthCallbackRejectedException},
 *       {@link dochooks.application.error.ForbiddenException} and the provider failures: see each use case;</li>
 *   <li>{@link dochooks.application.error.DatabaseUnavailableException}.</li>
 * </ul>
 */
package dochooks.application.connection.port.in;
