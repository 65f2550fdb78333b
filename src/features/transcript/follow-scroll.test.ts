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
  let now = 1000
  const onReaderScroll = vi.fn()
  const follow = new FollowScroll(pane, { onReaderScroll, reducedMotion: () => false }, () => now)
  line.getBoundingClientRect = () => ({ top: 2000, height: 30, bottom: 2030, left: 0, right: 0, width: 0, x: 0, y: 2000, toJSON: () => ({}) })
  Object.defineProperty(pane, 'clientHeight', { value: 400 })
  Object.defineProperty(pane, 'scrollHeight', { value: 5000 })
  return { pane, line, follow, onReaderScroll, advance: (ms: number) => (now += ms) }
}

describe('FollowScroll', () => {
  it('does not take its own scroll for the reader’s', () => {
    const { pane, line, follow, onReaderScroll } = setup()
    follow.reveal(line)
    expect(pane.scrollTo).toHaveBeenCalledWith({ top: 1900, behavior: 'smooth' })
    pane.dispatchEvent(new Event('scroll'))
    expect(onReaderScroll).not.toHaveBeenCalled()
  })

  it('takes a scroll with no reveal in flight for the reader’s (scrollbar drag)', () => {
    const { pane, onReaderScroll, follow, line, advance } = setup()
    follow.reveal(line)
    advance(2000)
    pane.dispatchEvent(new Event('scroll'))
    expect(onReaderScroll).toHaveBeenCalledTimes(1)
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
    // The reader's gesture ends the app's claim on the scroll events that follow.
    pane.dispatchEvent(new Event('scroll'))
    expect(onReaderScroll).toHaveBeenCalledTimes(2)
  })

  it('does not count typing in a field inside the pane', () => {
    const { pane, onReaderScroll } = setup()
    const input = document.createElement('input')
    pane.append(input)
    input.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }))
    expect(onReaderScroll).not.toHaveBeenCalled()
  })

  it('jumps instead of animating with reduced motion', () => {
    const pane = document.createElement('div')
    const line = document.createElement('p')
    pane.append(line)
    pane.scrollTo = vi.fn() as unknown as HTMLElement['scrollTo']
    Object.defineProperty(pane, 'clientHeight', { value: 400 })
    Object.defineProperty(pane, 'scrollHeight', { value: 5000 })
    line.getBoundingClientRect = () => ({ top: 2000, height: 30, bottom: 2030, left: 0, right: 0, width: 0, x: 0, y: 2000, toJSON: () => ({}) })
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
