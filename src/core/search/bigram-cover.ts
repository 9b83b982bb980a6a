/*
 * Which of a longer term's bigrams its occurrences are read from: a small dynamic programme over the
 * lists' sizes, and the term's rarest bigram to lead.
 */

/**
 * A bigram outside a term's cover joins it, and leads, when its list holds under this share of the cover's
 * smallest's bytes (a bigram near the cover's size holds nearly as many documents, and only adds a list).
 */
const RAREST_LEADS = 0.7;

/**
 * The offsets (ascending) of the covering set of a term's bigrams whose lists hold the fewest bytes
 * together, `bytes[o]` being the list of the bigram at offset o. Every character lies in a chosen bigram
 * (the first and the last bigram always, each next one starting one or two characters after the one
 * before), so a position where all of them line up is an exact occurrence. An intersection steps over
 * every entry of its longer lists, so it costs about their bytes: 我为群众办实事 is read from 我为, 为群,
 * 众办 and 实事 rather than through 群众, which nearly every document holds. On equal bytes, fewer lists.
 */
export function cheapestCover(bytes: ArrayLike<number>): number[] {
  const n = bytes.length;
  // The cheapest chain from offset 0 to the bigram at o: its bytes, its lists, the bigram before o in it.
  const best = new Float64Array(n);
  const lists = new Int32Array(n);
  const from = new Int32Array(n).fill(-1);
  best[0] = bytes[0]!;
  lists[0] = 1;
  for (let o = 1; o < n; o++) {
    const skip = o - 2;
    const cheaper =
      skip >= 0 && (best[skip]! < best[o - 1]! || (best[skip] === best[o - 1] && lists[skip]! <= lists[o - 1]!));
    const prev = cheaper ? skip : o - 1;
    best[o] = best[prev]! + bytes[o]!;
    lists[o] = lists[prev]! + 1;
    from[o] = prev;
  }
  const cover: number[] = [];
  for (let o = n - 1; o >= 0; o = from[o]!) cover.push(o);
  return cover.reverse();
}

/**
 * The lists a longer term is read from (each of its bigrams' `lists`, in term order): its cheapest cover,
 * then its rarest bigram when that lies outside the cover and holds far fewer bytes (see RAREST_LEADS).
 */
export function phraseCover<L extends { bytes: number }>(lists: readonly L[]): L[] {
  const cover = cheapestCover(lists.map((l) => l.bytes)).map((o) => lists[o]!);
  // The term's rarest bigram leads, in the cover or not: every occurrence holds it too (at its offset), so
  // the documents without it are stepped over unread by every list.
  const rarest = lists.reduce((a, b) => (b.bytes < a.bytes ? b : a));
  if (!cover.includes(rarest) && rarest.bytes < RAREST_LEADS * Math.min(...cover.map((l) => l.bytes))) {
    cover.push(rarest);
  }
  return cover;
}
