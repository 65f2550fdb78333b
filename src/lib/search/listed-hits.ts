/**
 * How a cross-episode result's hits are listed (in the order they are said). Its own module,
 * importing only types: the home page's panel uses it without shipping the search engine.
 */
import type { CorpusGroup, CorpusHit } from './corpus-search.ts'

/**
 * Lines listed at first, and added by each "Show more results" (whole episodes: a few more at
 * times). Here, with the page's other listing rules: the page must not import the engine.
 */
export const PAGE_LINES = 20

/**
 * Lines of a first page shown as soon as their texts arrive, before the rest of the page's
 * (whole episodes): about what a desktop's first screen holds (ten lines at 1280×800, five
 * on a phone).
 */
export const FIRST_LINES = 8

/** A group's hit as listed: in transcript order, the best match marked. */
export interface ListedHit {
  hit: CorpusHit
  /** The group's best match (its first hit by rank), when the hits were ranked by a query. */
  best: boolean
}

/**
 * An episode's hits as a listener reads them: in the order they are said (by start, then line),
 * with the best match marked. Hits listed by a speaker filter alone (score 0) have no best.
 */
export function listedHits(group: Pick<CorpusGroup, 'hits'>): ListedHit[] {
  const best = group.hits[0]
  const ranked = best !== undefined && best.score > 0 && group.hits.length > 1
  return group.hits
    .map((hit) => ({ hit, best: ranked && hit === best }))
    .sort((a, b) => a.hit.start - b.hit.start || a.hit.line - b.hit.line)
}
