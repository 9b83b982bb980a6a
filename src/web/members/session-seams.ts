import type { Context } from 'hono';
import { GUEST_VIEWER, type Viewer } from '../../core/access/viewer.js';
import type { Html } from '../html.js';
import { html } from '../html.js';

/** Where the members' routes meet accounts: who is asking, and the CSRF field of a form (web/accounts). */

/** The viewer the session middleware set (c.get('viewer')), a guest when none. */
export function viewerOf(c: Context): Viewer {
  return c.get('viewer') ?? GUEST_VIEWER;
}

/** Sets the request's viewer: what the session middleware (and a test's stand-in for it) does. */
export function setViewer(c: Context, viewer: Viewer): void {
  c.set('viewer', viewer);
}

/** The hidden CSRF field every state-changing form carries (the session's token, see accounts/sessions.ts). */
export function csrfField(c: Context): Html {
  const token = c.get('csrfToken');
  return token === undefined ? html`` : html`<input type="hidden" name="_csrf" value="${token()}" />`;
}
