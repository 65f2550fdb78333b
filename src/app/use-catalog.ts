import { useEffect, useState } from 'react'
import { loadCatalog, loadedCatalog, type Catalog } from './catalog.ts'

/** The catalog, loading it on first use; undefined while it loads. */
export function useCatalog(): Catalog | undefined {
  const [catalog, setCatalog] = useState(loadedCatalog)
  useEffect(() => {
    if (catalog) return
    let live = true
    void loadCatalog().then((c) => live && setCatalog(c))
    return () => {
      live = false
    }
  }, [catalog])
  return catalog
}
