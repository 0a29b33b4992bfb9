// Loaded by the /oauth2/connected page the provider's popup lands on. It hands the one-time confirmation to
// the console that started the connect (same origin), which confirms it with its own user's token, then
// clears the address bar and closes the popup. It never shows the query.
(() => {
  const query = new URLSearchParams(location.search);
  const integrationId = query.get('integrationId');
  const confirmation = query.get('confirmation');
  const result = query.get('result');

  // The confirmation must not linger in the address bar or the history of this window.
  if (location.search) history.replaceState(null, '', location.pathname);

  if (result !== 'authorized' || !integrationId || !confirmation) return;
  const message = { type: 'dochooks-oauth-confirmation', integrationId, confirmation };

  // A BroadcastChannel reaches the console's tab even when the provider's pages cut window.opener.
  if ('BroadcastChannel' in window) {
    try {
      const channel = new BroadcastChannel('dochooks-connect');
      channel.postMessage(message);
      channel.close();
    } catch (e) {
      // fall through to postMessage
    }
  }
  // Only to a window of our own origin: the confirmation is worth nothing without its user's token, but
  // it still has no business leaving the origin.
  if (window.opener && !window.opener.closed) {
    try {
      window.opener.postMessage(message, location.origin);
    } catch (e) {
      // the opener went away meanwhile
    }
  }

  // Browsers only let a window opened by a script close itself; otherwise the page's text says what to do.
  setTimeout(() => window.close(), 300);
})();
