import { createSignal } from 'solid-js';

const KEY = 'huzhu.session';
const [token, setToken] = createSignal<string | null>(typeof localStorage !== 'undefined' ? localStorage.getItem(KEY) : null);

/** The session token for this origin; tokens are bound to the origin they were issued for. */
export const sessionToken = token;

export function storeSessionToken(value: string | null): void {
  if (value) localStorage.setItem(KEY, value);
  else localStorage.removeItem(KEY);
  setToken(value);
}
