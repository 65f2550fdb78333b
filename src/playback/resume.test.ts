import { describe, expect, it } from 'vitest'
import { loadPosition, resumeOffer, savePosition } from './resume.ts'

function memoryStorage(): Storage {
  const map = new Map<string, string>()
  return {
    get length() {
      return map.size
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  }
}

describe('saved positions', () => {
  it('keeps one position per episode, in whole seconds', () => {
    const store = memoryStorage()
    savePosition('a', 901.7, store)
    savePosition('b', 30, store)
    expect(loadPosition('a', store)).toBe(901)
    expect(loadPosition('b', store)).toBe(30)
    expect(loadPosition('c', store)).toBeUndefined()
  })

  it('does nothing without storage, or when storage refuses', () => {
    expect(() => savePosition('a', 5, null)).not.toThrow()
    expect(loadPosition('a', null)).toBeUndefined()
    const refusing = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error('quota')
      },
      getItem: () => {
        throw new Error('blocked')
      },
    }
    expect(() => savePosition('a', 5, refusing)).not.toThrow()
    expect(loadPosition('a', refusing)).toBeUndefined()
  })

  it('ignores a stored value that is not a time', () => {
    const store = memoryStorage()
    store.setItem('playscript:position:a', 'banana')
    expect(loadPosition('a', store)).toBeUndefined()
  })
})

describe('resumeOffer', () => {
  it.each([
    [undefined, 3600, null],
    [5, 3600, null], // barely started
    [901, 3600, 901],
    [3590, 3600, null], // finished
    [901, 0, 901], // length unknown
  ])('for %s of %d s is %s', (saved, length, expected) => {
    expect(resumeOffer(saved, length)).toBe(expected)
  })
})
