// Cross-site request forgery protection (double submit): signing in sets the readable cookie platform.csrf, and
// every same-origin request that may change something echoes it in the X-Platform-Csrf header. Importing this
// module once per page is enough: it wraps window.fetch, so panels and pages need nothing of their own.
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)platform\.csrf=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : null;
}

if (!window.fetch.platformCsrf) {
  const original = window.fetch.bind(window);
  const wrapped = (input, init = {}) => {
    const method = (init.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
    const token = csrfToken();
    if (!SAFE.has(method) && url.origin === window.location.origin && token) {
      const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
      headers.set('X-Platform-Csrf', token);
      init = { ...init, headers };
    }
    return original(input, init);
  };
  wrapped.platformCsrf = true;
  window.fetch = wrapped;
}
