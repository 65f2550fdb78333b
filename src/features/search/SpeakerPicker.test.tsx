import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { SpeakerPicker } from './SpeakerPicker.tsx'

describe('SpeakerPicker', () => {
  it('suggests names with their episodes counted in words: "1 episode", "3 episodes"', async () => {
    const onChange = vi.fn()
    render(
      <SpeakerPicker
        speakers={[
          { name: 'Alexey', lines: 900, episodes: 3 },
          { name: 'Alexa', lines: 3, episodes: 1 },
        ]}
        chosen={[]}
        onChange={onChange}
      />,
    )
    await userEvent.type(screen.getByRole('textbox', { name: 'Said by' }), 'alex')
    const list = await screen.findByRole('list', { name: 'Speaker suggestions' })
    expect(list).toHaveTextContent('Alexey (3 episodes)')
    expect(list).toHaveTextContent('Alexa (1 episode)')
    await userEvent.click(screen.getByRole('button', { name: 'Alexa (1 episode)' }))
    expect(onChange).toHaveBeenCalledWith(['Alexa'])
  })
})
