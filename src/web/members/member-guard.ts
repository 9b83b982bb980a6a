import type { Context } from 'hono';
import type { Viewer } from '../../core/access/viewer.js';
import { HttpError } from '../errors.js';
import { viewerOf } from './session-seams.js';

/** A viewer with an account: what the members' own pages need. */
export type MemberViewer = Viewer & { userId: number; name: string };

/** The signed-in viewer, or a 401 asking to log in (a guest has no favourites, history or codes). */
export function requireMember(c: Context): MemberViewer {
  const viewer = viewerOf(c);
  if (viewer.userId === null || viewer.name === null) throw new HttpError(401, 'unauthorized', '请先登录');
  return viewer as MemberViewer;
}

/** The signed-in admin, or 401 (not signed in) / 403 (signed in, not an admin). */
export function requireAdmin(c: Context): MemberViewer {
  const viewer = requireMember(c);
  if (viewer.tier !== 'admin') throw new HttpError(403, 'forbidden', '只有管理员可以这样做');
  return viewer;
}
