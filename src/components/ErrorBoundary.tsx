import { Component, type ReactNode } from 'react'
import { withBase } from '../lib/site/base.ts'

interface State {
  error: Error | null
}

/** An unexpected error shows a message and a way back, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error): void {
    console.error('Playscript: a page failed to render:', error)
  }

  override render() {
    if (!this.state.error) return this.props.children
    return (
      <main id="main" className="not-found" role="alert">
        <h1>Something went wrong</h1>
        <p>This page hit an unexpected problem and could not be shown.</p>
        <p>
          <a href={withBase('/')}>Back to all episodes</a>
        </p>
      </main>
    )
  }
}
