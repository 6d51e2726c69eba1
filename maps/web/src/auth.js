// Signing in and out (cookie session, /api/auth/*); who is signed in decides what the page offers.
import { $, state, changed, setStatus } from './state.js';
import { t, language } from './i18n.js';
import './csrf.js';

export async function refreshUser() {
  const response = await fetch('/api/auth/me', { credentials: 'same-origin' });
  state.user = response.ok ? await response.json() : null;
  $('login-form').hidden = !!state.user;
  $('who').hidden = $('logout').hidden = !state.user;
  if (state.user) $('who').textContent = `${t('signedInAs')}：${state.user.displayName || state.user.username}`;
  changed('user');
}

/** The message of a problem answer (RFC 7807 with detailZh) in the current language. */
export async function problemDetail(response) {
  const p = await response.json().catch(() => ({}));
  return language() === 'zh' ? p.detailZh ?? p.detail ?? '' : p.detail ?? '';
}

export function setUpAuth() {
  $('login-form').onsubmit = async e => {
    e.preventDefault();
    const response = await fetch('/api/auth/login', {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: $('login-user').value, password: $('login-password').value }),
    });
    if (!response.ok) setStatus(`${t('loginFailed')}: ${await problemDetail(response)}`, true);
    $('login-password').value = '';
    await refreshUser();
  };
  $('logout').onclick = async () => {
    await fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin' });
    await refreshUser();
  };
}
