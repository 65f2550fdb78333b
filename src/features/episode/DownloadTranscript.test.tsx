import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { DownloadTranscript } from './DownloadTranscript.tsx'

const FILES = [
  { href: '/episodes/a/transcript.vtt', download: 'a.transcript.vtt', label: 'Captions (WebVTT)', type: 'text/vtt' },
  { href: '/episodes/a/transcript.txt', download: 'a.transcript.txt', label: 'Plain text', type: 'text/plain' },
]

describe('DownloadTranscript', () => {
  it('is a disclosure button over a list of real download links', async () => {
    const user = userEvent.setup()
    render(<DownloadTranscript files={FILES} />)
    const button = screen.getByRole('button', { name: 'Download transcript' })
    expect(button).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByRole('link')).toBeNull()
    await user.click(button)
    expect(button).toHaveAttribute('aria-expanded', 'true')
    const list = document.getElementById(button.getAttribute('aria-controls') ?? '')
    expect(list).toBeVisible()
    const link = screen.getByRole('link', { name: 'Captions (WebVTT)' })
    expect(link).toHaveAttribute('href', '/episodes/a/transcript.vtt')
    expect(link).toHaveAttribute('download', 'a.transcript.vtt')
    expect(screen.getAllByRole('link')).toHaveLength(2)
  })

  it('closes on Escape (focus back on the button) and on a click elsewhere', async () => {
    const user = userEvent.setup()
    render(
      <>
        <DownloadTranscript files={FILES} />
        <p>elsewhere</p>
      </>,
    )
    const button = screen.getByRole('button', { name: 'Download transcript' })
    await user.click(button)
    await user.tab()
    expect(screen.getByRole('link', { name: 'Captions (WebVTT)' })).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(button).toHaveAttribute('aria-expanded', 'false')
    expect(button).toHaveFocus()
    await user.click(button)
    await user.click(screen.getByText('elsewhere'))
    expect(button).toHaveAttribute('aria-expanded', 'false')
  })

  it('renders nothing without files (an episode with no transcript)', () => {
    const { container } = render(<DownloadTranscript files={[]} />)
    expect(container).toBeEmptyDOMElement()
  })
})
