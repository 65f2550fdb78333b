/**
 * Listener-style queries over the real corpus (`../shared/corpus`), each written from one
 * real line: what a listener remembers of it and types, with the slips a listener makes
 * (typos, words out of order, half words, British spellings, compounds split or joined,
 * names). Each names the line it should find: the episode's slug and the line's index.
 *
 * Used by the quality figures (R@1, R@10, MRR) of `bench/search-quality.ts` and by the
 * test that chunked search data gives the same results as the whole data.
 */
export type QueryKind = 'phrase' | 'order' | 'typo' | 'partial' | 'spelling' | 'compound' | 'name' | 'rare'

export interface QualityQuery {
  q: string
  kind: QueryKind
  slug: string
  line: number
}

export const QUALITY_QUERIES: readonly QualityQuery[] = [
  // Remembered phrases, some out of order.
  { q: 'glass box model', kind: 'phrase', slug: 'building-explainable-and-actionable-ai-ml-systems', line: 93 },
  { q: 'figma visuals engineer', kind: 'order', slug: 'visualizing-machine-learning-concepts-to-explain-ml', line: 59 },
  {
    q: 'smell sephora shopping mall',
    kind: 'order',
    slug: 'building-and-scaling-data-engineering-systems-for-fraud-detection',
    line: 7,
  },
  { q: 'swedish icelandic different', kind: 'order', slug: 'ai-in-healthcare-and-digital-therapeutics', line: 12 },
  { q: 'horse genetics', kind: 'phrase', slug: 'learning-machine-learning-self-taught-bioinformatics', line: 95 },
  { q: 'perl write only language', kind: 'phrase', slug: 'how-to-grow-your-ml-engineering-career', line: 17 },
  { q: 'prompt compression fewer tokens', kind: 'phrase', slug: 'production-ready-ai-engineering', line: 86 },
  {
    q: 'living under a bridge',
    kind: 'phrase',
    slug: 'from-academic-research-to-data-engineering-freelancing',
    line: 71,
  },
  { q: 'jupyter notebook run run run', kind: 'phrase', slug: 'mlops-kubeflow-model-monitoring', line: 53 },
  {
    q: 'clear my throat',
    kind: 'phrase',
    slug: 'building-agentic-ai-engineering-tooling-retrieval-evaluation',
    line: 4,
  },
  { q: 'sustainability podcasts communities', kind: 'order', slug: 'building-and-scaling-data-team', line: 136 },
  { q: 'revenue per user old version', kind: 'phrase', slug: 'ab-testing-and-product-experimentation', line: 35 },
  { q: 'joke pilot phase', kind: 'order', slug: 'building-data-products-lead-data-scientist', line: 78 },
  { q: 'discount travel european cities', kind: 'order', slug: 'building-data-products-lead-data-scientist', line: 7 },
  {
    q: 'free courses low completion rate',
    kind: 'phrase',
    slug: 'community-building-and-teaching-in-ai-tech',
    line: 47,
  },
  {
    q: 'binary classification stock grow',
    kind: 'order',
    slug: 'algorithmic-trading-with-python-and-machine-learning',
    line: 90,
  },
  { q: 'hype management expectation', kind: 'order', slug: 'building-data-team', line: 102 },
  {
    q: 'notes retain information',
    kind: 'phrase',
    slug: 'learning-machine-learning-self-taught-bioinformatics',
    line: 114,
  },
  { q: 'ripley umbrella', kind: 'rare', slug: 's23e09-starting-data-conference-data-makers-fest-story', line: 34 },
  // Typos, some in rare words.
  { q: 'kubeflow artcle aws end to end', kind: 'typo', slug: 'mlops-kubeflow-model-monitoring', line: 81 },
  {
    q: 'vector databses exploded startup',
    kind: 'typo',
    slug: 'deploying-llms-in-production-fine-tuning-retrieval-open-source-api',
    line: 111,
  },
  { q: 'redundency car safe', kind: 'typo', slug: 'from-computer-vision-research-to-autonomous-driving-ai', line: 98 },
  { q: 'cloud pricing ram licencing', kind: 'typo', slug: 'finops-for-data-engineers', line: 83 },
  { q: 'stan probablistic programming', kind: 'typo', slug: 'bayesian-modeling-workflows-and-tools', line: 133 },
  { q: 'rainfal dimension', kind: 'typo', slug: 'bayesian-modeling-workflows-and-tools', line: 75 },
  {
    q: 'competitors threatend',
    kind: 'typo',
    slug: 'from-academic-research-to-data-engineering-freelancing',
    line: 32,
  },
  {
    q: 'teragrunt variables terraform',
    kind: 'typo',
    slug: 'dataops-and-gitops-best-practices-for-data-teams',
    line: 38,
  },
  { q: 'microsfot 17 years twitter', kind: 'typo', slug: 'data-science-team-structure-and-org-design', line: 8 },
  { q: 'vision impared people germany', kind: 'typo', slug: 'community-building-and-teaching-in-ai-tech', line: 24 },
  // Half words, as typed.
  {
    q: 'word2vec modific product own',
    kind: 'partial',
    slug: 'building-data-products-product-owner-vs-product-manager',
    line: 72,
  },
  {
    q: 'automat manual approach scalab',
    kind: 'partial',
    slug: 'data-quality-data-observability-data-reliability',
    line: 75,
  },
  {
    q: 'data platform ecosys dashb',
    kind: 'partial',
    slug: 's23e06-data-engineer-career-in-2026-roles-specializations-and-what-companies-look-for',
    line: 211,
  },
  { q: 'atlantis bucket gitop', kind: 'partial', slug: 'dataops-and-gitops-best-practices-for-data-teams', line: 32 },
  // British spellings of American lines.
  { q: 'theoretical memorisation', kind: 'spelling', slug: 'bioinformatics-worflows-tools-and-data-science', line: 29 },
  {
    q: 'personalisation search algorithm',
    kind: 'spelling',
    slug: 'data-privacy-engineering-gdpr-machine-learning',
    line: 99,
  },
  // Compounds joined or split differently from the line.
  {
    q: 'stack overflow surveys',
    kind: 'compound',
    slug: 'data-journalism-python-visualization-storytelling',
    line: 61,
  },
  { q: 'zalando e-commerce freelancers', kind: 'compound', slug: 'becoming-data-freelancer', line: 105 },
  { q: 'ebook print copy', kind: 'compound', slug: 'data-privacy-engineering-gdpr-machine-learning', line: 71 },
  { q: 'incontext learning fancy name', kind: 'compound', slug: 'production-ready-ai-engineering', line: 78 },
  {
    q: 'realtime transformations fraud',
    kind: 'compound',
    slug: 'mlops-feature-stores-feature-stores-feast-tecton',
    line: 30,
  },
  {
    q: 'llm ops traces arize phoenix',
    kind: 'compound',
    slug: 's23e01-ai-engineering-skill-stack-agents-llmops-and-how-to-ship-ai-products',
    line: 65,
  },
  // Names, and a misremembered word among them.
  { q: 'zamina responsible ai', kind: 'name', slug: 'data-leadership-coaching', line: 82 },
  {
    q: 'gdansk still in poland',
    kind: 'name',
    slug: 's23e06-data-engineer-career-in-2026-roles-specializations-and-what-companies-look-for',
    line: 230,
  },
  {
    q: 'arise phoenix monitor code',
    kind: 'name',
    slug: 's23e01-ai-engineering-skill-stack-agents-llmops-and-how-to-ship-ai-products',
    line: 65,
  },
  { q: 'kpis already process works', kind: 'rare', slug: 'data-science-manager-vs-expert-hiring-guide', line: 102 },
  { q: 'lookup table end of the book', kind: 'phrase', slug: 'building-production-search-systems', line: 27 },
  // A word the line does not have, among words it does.
  {
    q: 'sephora sams club warehouse',
    kind: 'rare',
    slug: 'building-and-scaling-data-engineering-systems-for-fraud-detection',
    line: 7,
  },
  {
    q: 'horse genetics bioinformatics podcast',
    kind: 'rare',
    slug: 'learning-machine-learning-self-taught-bioinformatics',
    line: 95,
  },
]

export interface RankedLine {
  slug: string
  line: number
}

export interface QualityFigures {
  /** Share of queries whose line is the first result. */
  r1: number
  /** Share of queries whose line is in the first ten. */
  r10: number
  /** Mean of 1 / rank (0 when not found). */
  mrr: number
  /** Per query: the rank of its line (1-based), or 0 when not returned. */
  ranks: number[]
}

/** R@1, R@10 and MRR of a search (its results in the order shown) over `queries`. */
export function qualityFigures(
  queries: readonly QualityQuery[],
  search: (q: string) => readonly RankedLine[],
): QualityFigures {
  const ranks = queries.map((query) => {
    const found = search(query.q).findIndex((r) => r.slug === query.slug && r.line === query.line)
    return found < 0 ? 0 : found + 1
  })
  const n = Math.max(1, queries.length)
  return {
    r1: ranks.filter((r) => r === 1).length / n,
    r10: ranks.filter((r) => r >= 1 && r <= 10).length / n,
    mrr: ranks.reduce((s, r) => s + (r > 0 ? 1 / r : 0), 0) / n,
    ranks,
  }
}
