/** Route modules loaded on demand; exported so a prerendered page can load its own before hydrating. */
export const loadEpisodeRoute = () => import('./routes/EpisodeRoute.tsx')
