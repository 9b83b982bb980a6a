import type { Context } from 'hono';
import { GUEST_VIEWER, type Viewer } from '../../core/access/viewer.js';
import type { Html } from '../html.js';
import { html } from '../html.js';

/**
 * Where the members' routes meet accounts (issue 26): who is asking, and the CSRF field of a form. Until
 * the accounts branch merges, nobody sets a viewer and every request is a guest's; the lead points these
 * two at accounts' session middleware and CSRF token when merging, and nothing else changes.
 */

interface ViewerSlot {
  get(key: 'viewer'): Viewer | undefined;
  set(key: 'viewer', value: Viewer): void;
}

/** The viewer the session middleware set (c.get('viewer')), a guest when none. */
export function viewerOf(c: Context): Viewer {
  return (c as unknown as ViewerSlot).get('viewer') ?? GUEST_VIEWER;
}

/** Sets the request's viewer: what a session middleware (and a test's stand-in for it) does. */
export function setViewer(c: Context, viewer: Viewer): void {
  (c as unknown as ViewerSlot).set('viewer', viewer);
}

/** The hidden CSRF field every state-changing form carries (accounts' token; none until it merges). */
export function csrfField(_c: Context): Html {
  return html``;
}
