import { create } from 'zustand'
import { useEffect } from 'react'

interface ToastState {
  message: string | null
  serial: number
  show(message: string): void
  clear(): void
}

/** One polite live region for confirmations ("Link copied …"). */
export const useToast = create<ToastState>()((set) => ({
  message: null,
  serial: 0,
  show: (message) => set((s) => ({ message, serial: s.serial + 1 })),
  clear: () => set({ message: null }),
}))

const VISIBLE_MS = 4000

export function Toast() {
  const message = useToast((s) => s.message)
  const serial = useToast((s) => s.serial)
  useEffect(() => {
    if (!message) return
    const id = window.setTimeout(() => useToast.getState().clear(), VISIBLE_MS)
    return () => window.clearTimeout(id)
  }, [message, serial])
  return (
    <div className={message ? 'toast toast-visible' : 'toast'} role="status" aria-live="polite">
      {message}
    </div>
  )
}
