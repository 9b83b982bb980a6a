import type { Library } from '../library.js';

/** Documents near one document in content; see nearDocuments. Placeholder until the reader routes land. */
export class Related {
  constructor(readonly library: Library) {}
}
