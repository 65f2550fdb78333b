import { useLoad, type LoadState } from '../components/use-load.ts'
import { loadCatalog, loadedCatalog, type Catalog } from './catalog.ts'

/** The catalog, loading it on first use, and a retry for when that failed. */
export function useCatalog(): [LoadState<Catalog>, () => void] {
  return useLoad('the catalog', loadedCatalog, loadCatalog)
}
