import type { CatalogFilter } from '../../lib/catalog/filter.ts'

export interface CatalogFiltersProps {
  filter: CatalogFilter
  seasons: readonly number[]
  topics: readonly { topic: string; count: number }[]
  shown: number
  total: number
  onChange(next: CatalogFilter): void
}

export function CatalogFilters({ filter, seasons, topics, shown, total, onChange }: CatalogFiltersProps) {
  const set = (patch: Partial<CatalogFilter>) => {
    const next: CatalogFilter = { ...filter, ...patch }
    for (const k of Object.keys(next) as (keyof CatalogFilter)[])
      if (next[k] === undefined || next[k] === '') delete next[k]
    onChange(next)
  }
  return (
    <form
      className="catalog-filters needs-js"
      role="search"
      aria-label="Filter episodes"
      onSubmit={(e) => e.preventDefault()}
    >
      <label className="field field-grow">
        <span>Title, guest or topic</span>
        <input
          type="search"
          value={filter.q ?? ''}
          placeholder="e.g. MLOps, Tomasz, Kaggle"
          onChange={(e) => set({ q: e.target.value || undefined })}
        />
      </label>
      {seasons.length > 1 ? (
        <label className="field">
          <span>Season</span>
          <select
            value={filter.season ?? ''}
            onChange={(e) => set({ season: e.target.value === '' ? undefined : Number(e.target.value) })}
          >
            <option value="">All seasons</option>
            {seasons.map((s) => (
              <option key={s} value={s}>
                Season {s}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {topics.length > 1 ? (
        <label className="field">
          <span>Topic</span>
          <select value={filter.topic ?? ''} onChange={(e) => set({ topic: e.target.value || undefined })}>
            <option value="">All topics</option>
            {topics.map((t) => (
              <option key={t.topic} value={t.topic}>
                {t.topic} ({t.count})
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <p className="muted filter-count" aria-live="polite">
        {shown === total ? `${total} episodes` : `${shown} of ${total} episodes`}
      </p>
    </form>
  )
}
