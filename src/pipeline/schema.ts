/**
 * The schema of an episode file's front matter, apart from `transcript`
 * (validated item by item in parse-episode.ts for sharper messages).
 * Unknown fields are ignored.
 */
import { z } from 'zod'

const optionalString = z.string().nullish()
const optionalStringList = z.array(z.string()).nullish()
const wholeNumber = z.number().int().nonnegative().nullish()

export const QuotableClip = z.object({
  name: z.string(),
  startOffset: z.number().nonnegative(),
  endOffset: z.number().nonnegative().nullish(),
  url: optionalString,
})

export const FrontMatter = z.object({
  title: z.string().trim().min(1, 'must not be empty'),
  short: optionalString,
  season: wholeNumber,
  episode: wholeNumber,
  guests: optionalStringList,
  image: optionalString,
  ids: z.object({ youtube: z.string() }),
  links: z.record(z.string(), z.unknown()).nullish(),
  description: optionalString,
  intro: optionalString,
  context: optionalString,
  topics: optionalStringList,
  dateadded: optionalString,
  date: optionalString,
  duration: optionalString,
  quotableClips: z.array(QuotableClip).nullish(),
})

export type FrontMatter = z.infer<typeof FrontMatter>
