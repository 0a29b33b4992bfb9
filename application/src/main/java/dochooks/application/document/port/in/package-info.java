/**
 * The document operations a user runs through an integration (api.md section 5), and the admin's
 * connection test (section 3.4).
 *
 * <p>Each query or command record checks its query parameters in its compact constructor and throws a
 * {@link dochooks.domain.validation.ValidationException} naming every parameter at fault ({@code field} = the
 * parameter's name). Numbers arrive parsed: the HTTP adapter reports text that is not an integer itself.
 *
 * <p>Every document operation's Future fails with, in this order of checks:
 * <ul>
 *   <li>{@link dochooks.application.error.IntegrationNotFoundException}: no such integration for the caller
 *       (missing, another tenant's, or disabled and the caller is no admin);</li>
 *   <li>{@link dochooks.application.error.IntegrationDisabledException}: disabled, and the caller is an admin;</li>
 *   <li>{@link dochooks.application.error.ConnectionRequiredException}: an OAuth2 integration the caller has no
 *       connection to (every operation but {@code serviceInfo});</li>
 *   <li>{@link dochooks.application.error.ReauthorizationRequiredException}: the caller's connection needs
 *       authorizing again (already so, or because the provider just refused to refresh it);</li>
 *   <li>the provider failures of {@link dochooks.application.document.port.out.DocumentProviderPort}, unchanged
 *       ({@link dochooks.application.error.ProviderForbiddenException} after the OAuth2 retry also failed);</li>
 *   <li>{@link dochooks.application.error.DatabaseUnavailableException}.</li>
 * </ul>
 *
 * <p>Note for the HTTP adapter: api.md answers "integration not found" (404) before "validation failed"
 * (400), but these records validate when they are built, before any use case runs. When building a record
 * throws, check the integration first (e.g. with
 * {@link dochooks.application.integration.port.in.GetIntegrationUseCase}) and answer its 404 if it fails.
 */
package dochooks.application.document.port.in;
