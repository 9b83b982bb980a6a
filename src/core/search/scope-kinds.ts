import { UNIT_KINDS, type UnitKind } from '../index/contracts.js';
import { kindWeight } from './rank.js';
import type { SearchScope } from './search-options.js';

/** Each unit kind's index in UNIT_KINDS (the kind numbers of the unit tables). */
export const KIND = Object.fromEntries(UNIT_KINDS.map((k, i) => [k, i])) as Record<UnitKind, number>;
/** Field weight by kind index, for the hot loops. */
export const KIND_WEIGHT = Float64Array.from(UNIT_KINDS, kindWeight);

/** Each scope's unit kinds (made once: never written after). */
const SCOPE_KINDS = new Map<SearchScope, Uint8Array>();

/** Per kind index, 1 when units of that kind lie in the scope. Shared: never write to it. */
export function scopeKinds(scope: SearchScope): Uint8Array {
  const known = SCOPE_KINDS.get(scope);
  if (known !== undefined) return known;
  const allowed = new Uint8Array(UNIT_KINDS.length);
  const set = (k: UnitKind): void => {
    allowed[KIND[k]] = 1;
  };
  if (scope === 'all' || scope === 'sentence') UNIT_KINDS.forEach(set);
  else if (scope === 'outline') set('heading');
  else set(scope);
  SCOPE_KINDS.set(scope, allowed);
  return allowed;
}
