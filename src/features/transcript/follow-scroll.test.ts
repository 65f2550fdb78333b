// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import { FollowScroll, scrollTargetFor } from './follow-scroll.ts'

describe('scrollTargetFor', () => {
  const pane = { scrollTop: 0, clientHeight: 400, scrollHeight: 5000 }
  it('leaves a line that is comfortably visible', () => {
    expect(scrollTargetFor({ top: 100, height: 40 }, pane)).toBeNull()
  })
  it('brings a line below the zone to a quarter from the top', () => {
    expect(scrollTargetFor({ top: 900, height: 40 }, pane)).toBe(800)
  })
  it('brings a line above the view back', () => {
    expect(scrollTargetFor({ top: 100, height: 40 }, { ...pane, scrollTop: 600 })).toBe(0)
  })
  it('never scrolls past the end', () => {
    expect(scrollTargetFor({ top: 4990, height: 10 }, pane)).toBe(4600)
  })
  it('scrolls a visible line to the anchor when forced', () => {
    expect(scrollTargetFor({ top: 200, height: 40 }, pane, true)).toBe(100)
  })
})

function setup() {
  const pane = document.createElement('div')
  const line = document.createElement('p')
  pane.append(line)
  document.body.append(pane)
  pane.scrollTo = vi.fn() as unknown as HTMLElement['scrollTo']
  const onReaderScroll = vi.fn()
  const follow = new FollowScroll(pane, { onReaderScroll, reducedMotion: () => false })
  line.getBoundingClientRect = () => ({
    top: 900,
    height: 30,
    bottom: 930,
    left: 0,
    right: 0,
    width: 0,
    x: 0,
    y: 900,
    toJSON: () => ({}),
  })
  Object.defineProperty(pane, 'clientHeight', { value: 400 })
  Object.defineProperty(pane, 'scrollHeight', { value: 5000 })
  return { pane, line, follow, onReaderScroll }
}

describe('FollowScroll', () => {
  it('never takes scroll events for the reader’s, however long its own smooth scroll lasts', () => {
    const { pane, line, follow, onReaderScroll } = setup()
    follow.reveal(line)
    expect(pane.scrollTo).toHaveBeenCalledWith({ top: 800, behavior: 'smooth' })
    // A long smooth scroll sends scroll events for well over a second.
    for (let i = 0; i < 100; i++) pane.dispatchEvent(new Event('scroll'))
    pane.dispatchEvent(new Event('scrollend'))
    pane.dispatchEvent(new Event('scroll'))
    expect(onReaderScroll).not.toHaveBeenCalled()
  })

  it('takes a press on the pane itself (its scrollbar) for the reader’s', () => {
    const { pane, onReaderScroll } = setup()
    pane.dispatchEvent(new Event('pointerdown'))
    expect(onReaderScroll).toHaveBeenCalledTimes(1)
    // A press on a line is not a scroll.
    pane.firstElementChild?.dispatchEvent(new Event('pointerdown', { bubbles: true }))
    expect(onReaderScroll).toHaveBeenCalledTimes(1)
  })

  it('does not take Space for scrolling: it plays and pauses', () => {
    const { pane, onReaderScroll } = setup()
    pane.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }))
    expect(onReaderScroll).not.toHaveBeenCalled()
  })

  it.each([
    ['wheel', new WheelEvent('wheel', { deltaY: 100 })],
    ['touchmove', new Event('touchmove')],
    ['PageDown', new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true })],
  ])('yields to the reader on %s, even during its own scroll', (_name, event) => {
    const { pane, line, follow, onReaderScroll } = setup()
    follow.reveal(line)
    pane.dispatchEvent(event)
    expect(onReaderScroll).toHaveBeenCalledTimes(1)
  })

  it('does not count typing in a field inside the pane', () => {
    const { pane, onReaderScroll } = setup()
    const input = document.createElement('input')
    pane.append(input)
    input.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }))
    expect(onReaderScroll).not.toHaveBeenCalled()
  })

  it('jumps to a line more than three pane heights away instead of animating', () => {
    const { pane, line, follow } = setup()
    line.getBoundingClientRect = () => ({
      top: 2000,
      height: 30,
      bottom: 2030,
      left: 0,
      right: 0,
      width: 0,
      x: 0,
      y: 2000,
      toJSON: () => ({}),
    })
    follow.reveal(line)
    expect(pane.scrollTo).toHaveBeenCalledWith({ top: 1900, behavior: 'auto' })
  })

  it('measures again once the lines around a far target are laid out, and corrects the scroll', async () => {
    const { pane, line, follow } = setup()
    document.body.append(pane)
    line.getBoundingClientRect = () => ({
      top: 2000,
      height: 30,
      bottom: 2030,
      left: 0,
      right: 0,
      width: 0,
      x: 0,
      y: 2000,
      toJSON: () => ({}),
    })
    follow.reveal(line)
    // Laid out for real, the groups above turned out taller: the line is 700 px lower than estimated.
    line.getBoundingClientRect = () => ({
      top: 700,
      height: 30,
      bottom: 730,
      left: 0,
      right: 0,
      width: 0,
      x: 0,
      y: 700,
      toJSON: () => ({}),
    })
    await new Promise((r) => setTimeout(r, 100))
    expect(pane.scrollTo).toHaveBeenLastCalledWith({ top: 600, behavior: 'auto' })
  })

  it('jumps instead of animating with reduced motion', () => {
    const pane = document.createElement('div')
    const line = document.createElement('p')
    pane.append(line)
    pane.scrollTo = vi.fn() as unknown as HTMLElement['scrollTo']
    Object.defineProperty(pane, 'clientHeight', { value: 400 })
    Object.defineProperty(pane, 'scrollHeight', { value: 5000 })
    line.getBoundingClientRect = () => ({
      top: 2000,
      height: 30,
      bottom: 2030,
      left: 0,
      right: 0,
      width: 0,
      x: 0,
      y: 2000,
      toJSON: () => ({}),
    })
    new FollowScroll(pane, { onReaderScroll: vi.fn(), reducedMotion: () => true }).reveal(line)
    expect(pane.scrollTo).toHaveBeenCalledWith({ top: 1900, behavior: 'auto' })
  })

  it('stops listening when destroyed', () => {
    const { pane, follow, onReaderScroll } = setup()
    follow.destroy()
    pane.dispatchEvent(new WheelEvent('wheel'))
    expect(onReaderScroll).not.toHaveBeenCalled()
  })
})
